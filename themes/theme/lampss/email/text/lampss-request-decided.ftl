<#ftl output_format="plainText">
<#import "lampss-genuine.ftl" as layout>
${properties.lampssProgramNameEn!'LaMPSS'} / ${properties.lampssProgramNameFr!'LaMPSS'}

<#if approved>ACCESS REQUEST APPROVED<#else>ACCESS REQUEST REFUSED</#if>

${decidedBy} of the LaMPSS Operations Support team <#if approved>approved<#else>refused</#if> the request made by ${askerName} for ${personName} to hold ${profileEn} in LaMPSS for ${organizationNameEn}.
<#if decision??>

Their note:
${decision}
</#if>

Open LaMPSS: ${link}

What happens next: <#if approved>the profile applies the next time ${personName} signs in.<#else>nothing changes. ${askerName} may ask again with more details.</#if>

<@layout.genuine lang="en"/>

-----

<#if approved>DEMANDE D'ACCÈS APPROUVÉE<#else>DEMANDE D'ACCÈS REFUSÉE</#if>

${decidedBy}, de l'équipe du Soutien aux opérations du LaMPSS, a <#if approved>approuvé<#else>refusé</#if> la demande de ${askerName} pour que ${personName} détienne le profil ${profileFr} dans le LaMPSS pour ${organizationNameFr}.
<#if decision??>

Sa note :
${decision}
</#if>

Ouvrir le LaMPSS : ${link}

Et ensuite? <#if approved>Le profil s'applique à la prochaine ouverture de session de ${personName}.<#else>Rien ne change. ${askerName} peut présenter une nouvelle demande avec plus de détails.</#if>

<@layout.genuine lang="fr"/>
