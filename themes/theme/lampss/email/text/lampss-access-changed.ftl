<#ftl output_format="plainText">
<#import "lampss-genuine.ftl" as layout>
${properties.lampssProgramNameEn!'LaMPSS'} / ${properties.lampssProgramNameFr!'LaMPSS'}

YOUR LaMPSS ACCESS CHANGED

<#if deactivated>
${changedBy} deactivated your access to LaMPSS for ${organizationNameEn}.

What happens next: you can no longer use LaMPSS for ${organizationNameEn}; your access for other organizations, if any, is unchanged. If you think this is a mistake, ask ${organizationNameEn}'s primary contact.
<#else>
${changedBy} changed your profiles in LaMPSS for ${organizationNameEn}. You now hold:
<#list profilesEn as profile>
- ${profile}
<#else>
no profile.
</#list>

Open LaMPSS: ${link}

What happens next: the change applies the next time you sign in. If you think it is a mistake, ask ${organizationNameEn}'s primary contact.
</#if>

<@layout.genuine lang="en"/>

-----

VOTRE ACCÈS AU LaMPSS A CHANGÉ

<#if deactivated>
${changedBy} a désactivé votre accès au LaMPSS pour ${organizationNameFr}.

Et ensuite? Vous ne pouvez plus utiliser le LaMPSS pour ${organizationNameFr}; votre accès pour d'autres organismes, s'il y a lieu, ne change pas. Si vous croyez à une erreur, adressez-vous à la personne-ressource principale de ${organizationNameFr}.
<#else>
${changedBy} a modifié vos profils dans le LaMPSS pour ${organizationNameFr}. Vous détenez maintenant :
<#list profilesFr as profile>
- ${profile}
<#else>
aucun profil.
</#list>

Ouvrir le LaMPSS : ${link}

Et ensuite? Le changement s'applique à votre prochaine ouverture de session. Si vous croyez à une erreur, adressez-vous à la personne-ressource principale de ${organizationNameFr}.
</#if>

<@layout.genuine lang="fr"/>
