<#ftl output_format="plainText">
<#-- The plain-text twin of the HTML layout's "Is this email genuine?" block. -->
<#macro genuine lang>
<#if lang == "fr">
Ce courriel est-il authentique? Les liens du LaMPSS commencent toujours par ${linkBase}. Le LaMPSS ne vous demande jamais votre mot de passe par courriel. En cas de doute, ne cliquez pas : <#if emailHelp??>communiquez avec ${emailHelp}<#else>communiquez avec la personne-ressource principale de votre organisme ou avec le Soutien aux opérations du LaMPSS</#if>.
<#else>
Is this email genuine? LaMPSS links always start with ${linkBase}. LaMPSS never asks for your password by email. If in doubt, do not click: <#if emailHelp??>contact ${emailHelp}<#else>contact your organization's primary contact or LaMPSS Operations Support</#if>.
</#if>
</#macro>
