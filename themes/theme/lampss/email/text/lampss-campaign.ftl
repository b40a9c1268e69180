<#ftl output_format="plainText">
<#import "lampss-genuine.ftl" as layout>
${properties.lampssProgramNameEn!'LaMPSS'} / ${properties.lampssProgramNameFr!'LaMPSS'}

<#if opened>CONFIRM YOUR ORGANIZATION'S LaMPSS ACCESS<#else>REMINDER: CONFIRM YOUR ORGANIZATION'S LaMPSS ACCESS</#if>

<#if opened>A review of who may use LaMPSS for ${organizationNameEn} has opened.<#else>The review of who may use LaMPSS for ${organizationNameEn} is not signed off yet.</#if> As one of its contact managers, confirm, change or end each person's access, then sign off, by ${dueEn}.

Review access: ${link}

What happens next: ${pending} of ${total} people still need a review. After ${dueEn}, LaMPSS <#if overdue == "DEACTIVATE">deactivates<#elseif overdue == "FLAG">flags for the LaMPSS Operations Support team<#else>reports to the LaMPSS Operations Support team</#if> the people nobody reviewed.

<@layout.genuine lang="en"/>

-----

<#if opened>CONFIRMEZ LES ACCÈS AU LaMPSS DE VOTRE ORGANISME<#else>RAPPEL : CONFIRMEZ LES ACCÈS AU LaMPSS DE VOTRE ORGANISME</#if>

<#if opened>Un examen des personnes qui peuvent utiliser le LaMPSS pour ${organizationNameFr} est ouvert.<#else>L'examen des personnes qui peuvent utiliser le LaMPSS pour ${organizationNameFr} n'est pas encore approuvé.</#if> En tant que gestionnaire des personnes-ressources, confirmez, modifiez ou retirez l'accès de chaque personne, puis approuvez l'examen, d'ici le ${dueFr}.

Examiner les accès : ${link}

Et ensuite? ${pending} personne(s) sur ${total} restent à examiner. Après le ${dueFr}, le LaMPSS <#if overdue == "DEACTIVATE">désactive<#elseif overdue == "FLAG">signale à l'équipe du Soutien aux opérations du LaMPSS<#else>indique à l'équipe du Soutien aux opérations du LaMPSS</#if> les personnes que personne n'a examinées.

<@layout.genuine lang="fr"/>
