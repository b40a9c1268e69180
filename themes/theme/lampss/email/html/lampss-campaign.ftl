<#ftl output_format="HTML">
<#-- To an organization's contact managers: a recertification campaign opened, or its due date nears. -->
<#import "lampss-layout.ftl" as layout>
<@layout.page>
<@layout.half lang="en">
<@layout.heading><#if opened>Confirm your organization's LaMPSS access<#else>Reminder: confirm your organization's LaMPSS access</#if></@layout.heading>
<p style="margin:0 0 16px 0;"><#if opened>A review of who may use LaMPSS for <strong>${organizationNameEn}</strong> has opened.<#else>The review of who may use LaMPSS for <strong>${organizationNameEn}</strong> is not signed off yet.</#if> As one of its contact managers, confirm, change or end each person's access, then sign off, by <strong>${dueEn}</strong>.</p>
<@layout.button href=link label="Review access" copyText="If the button does not work, copy this address into your browser:"/>
<p style="margin:0 0 4px 0;"><strong>What happens next</strong></p>
<p style="margin:0 0 16px 0;">${pending} of ${total} people still need a review. After ${dueEn}, LaMPSS <#if overdue == "DEACTIVATE">deactivates<#elseif overdue == "FLAG">flags for the LaMPSS Operations Support team<#else>reports to the LaMPSS Operations Support team</#if> the people nobody reviewed.</p>
<@layout.genuine lang="en"/>
</@layout.half>
<@layout.half lang="fr" first=false>
<@layout.heading><#if opened>Confirmez les accès au LaMPSS de votre organisme<#else>Rappel : confirmez les accès au LaMPSS de votre organisme</#if></@layout.heading>
<p style="margin:0 0 16px 0;"><#if opened>Un examen des personnes qui peuvent utiliser le LaMPSS pour <strong>${organizationNameFr}</strong> est ouvert.<#else>L'examen des personnes qui peuvent utiliser le LaMPSS pour <strong>${organizationNameFr}</strong> n'est pas encore approuvé.</#if> En tant que gestionnaire des personnes-ressources, confirmez, modifiez ou retirez l'accès de chaque personne, puis approuvez l'examen, d'ici le <strong>${dueFr}</strong>.</p>
<@layout.button href=link label="Examiner les accès" copyText="Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :"/>
<p style="margin:0 0 4px 0;"><strong>Et ensuite?</strong></p>
<p style="margin:0 0 16px 0;">${pending} personne(s) sur ${total} restent à examiner. Après le ${dueFr}, le LaMPSS <#if overdue == "DEACTIVATE">désactive<#elseif overdue == "FLAG">signale à l'équipe du Soutien aux opérations du LaMPSS<#else>indique à l'équipe du Soutien aux opérations du LaMPSS</#if> les personnes que personne n'a examinées.</p>
<@layout.genuine lang="fr"/>
</@layout.half>
</@layout.page>
