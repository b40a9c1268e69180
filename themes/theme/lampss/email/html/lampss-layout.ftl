<#ftl output_format="HTML">
<#--
  The one layout of every LaMPSS email: tables and inline styles (what mail clients render), the
  program's logo and names from theme.properties, an English half and a French half each marked with
  its language, one button per half with its link also written out, and how to check the email is
  genuine. Colours: text #1b1b1b and links #005a9c on white, white on #005a9c and #003366 (all
  above 7:1).
-->
<#macro page>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>LaMPSS</title>
</head>
<body style="margin:0;padding:0;background-color:#f2f4f7;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="background-color:#f2f4f7;">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" width="600" cellspacing="0" cellpadding="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #d0d7e2;">
<tr><td style="padding:20px 32px;border-bottom:4px solid #003366;font-family:Arial,Helvetica,sans-serif;">
<img src="${url.resourcesUrl}/${properties.lampssLogo!'img/lampss-logo.png'}" width="160" height="48" alt="" style="display:block;border:0;margin-bottom:8px;">
<div style="font-size:15px;line-height:1.4;color:#003366;font-weight:bold;">${properties.lampssProgramNameEn!'LaMPSS'}</div>
<div lang="fr" style="font-size:15px;line-height:1.4;color:#003366;font-weight:bold;">${properties.lampssProgramNameFr!'LaMPSS'}</div>
</td></tr>
<#nested>
</table>
</td></tr>
</table>
</body>
</html>
</#macro>

<#-- One language's half: everything inside is read in that language. -->
<#macro half lang first=true>
<tr><td lang="${lang}" style="padding:24px 32px;<#if !first>border-top:1px solid #d0d7e2;</#if>font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;">
<#nested>
</td></tr>
</#macro>

<#macro heading>
<h1 style="margin:0 0 16px 0;font-size:22px;line-height:1.3;color:#003366;"><#nested></h1>
</#macro>

<#-- The one action of the email, and its address written out for clients that hide buttons. -->
<#macro button href label copyText>
<table role="presentation" cellspacing="0" cellpadding="0" border="0" style="margin:24px 0 8px 0;">
<tr><td style="background-color:#005a9c;border-radius:4px;">
<a href="${href}" style="display:inline-block;padding:14px 24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;">${label}</a>
</td></tr>
</table>
<p style="margin:0 0 16px 0;font-size:14px;color:#1b1b1b;">${copyText}<br><a href="${href}" style="color:#005a9c;word-break:break-all;">${href}</a></p>
</#macro>

<#-- How to tell a genuine LaMPSS email, and whom to ask (the realm attribute lampss.emailHelp). -->
<#macro genuine lang>
<div style="margin-top:24px;padding:12px 16px;background-color:#f2f4f7;border-left:4px solid #003366;font-size:14px;">
<#if lang == "fr">
<strong>Ce courriel est-il authentique?</strong> Les liens du LaMPSS commencent toujours par ${linkBase}. Le LaMPSS ne vous demande jamais votre mot de passe par courriel. En cas de doute, ne cliquez pas : <#if emailHelp??>communiquez avec ${emailHelp}<#else>communiquez avec la personne-ressource principale de votre organisme ou avec le Soutien aux opérations du LaMPSS</#if>.
<#else>
<strong>Is this email genuine?</strong> LaMPSS links always start with ${linkBase}. LaMPSS never asks for your password by email. If in doubt, do not click: <#if emailHelp??>contact ${emailHelp}<#else>contact your organization's primary contact or LaMPSS Operations Support</#if>.
</#if>
</div>
</#macro>
