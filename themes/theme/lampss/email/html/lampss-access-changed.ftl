<#ftl output_format="HTML">
<#-- To a person whose profiles in an organization changed, or who was deactivated there. -->
<#import "lampss-layout.ftl" as layout>
<@layout.page>
<@layout.half lang="en">
<@layout.heading>Your LaMPSS access changed</@layout.heading>
<#if deactivated>
<p style="margin:0 0 16px 0;"><strong>${changedBy}</strong> deactivated your access to LaMPSS for <strong>${organizationNameEn}</strong>.</p>
<p style="margin:0 0 4px 0;"><strong>What happens next</strong></p>
<p style="margin:0 0 16px 0;">You can no longer use LaMPSS for ${organizationNameEn}; your access for other organizations, if any, is unchanged. If you think this is a mistake, ask ${organizationNameEn}'s primary contact.</p>
<#else>
<p style="margin:0 0 16px 0;"><strong>${changedBy}</strong> changed your profiles in LaMPSS for <strong>${organizationNameEn}</strong>. You now hold:</p>
<#if profilesEn?has_content><ul style="margin:0 0 16px 0;padding-left:24px;"><#list profilesEn as profile><li>${profile}</li></#list></ul><#else><p style="margin:0 0 16px 0;">no profile.</p></#if>
<@layout.button href=link label="Open LaMPSS" copyText="If the button does not work, copy this address into your browser:"/>
<p style="margin:0 0 4px 0;"><strong>What happens next</strong></p>
<p style="margin:0 0 16px 0;">The change applies the next time you sign in. If you think it is a mistake, ask ${organizationNameEn}'s primary contact.</p>
</#if>
<@layout.genuine lang="en"/>
</@layout.half>
<@layout.half lang="fr" first=false>
<@layout.heading>Votre accès au LaMPSS a changé</@layout.heading>
<#if deactivated>
<p style="margin:0 0 16px 0;"><strong>${changedBy}</strong> a désactivé votre accès au LaMPSS pour <strong>${organizationNameFr}</strong>.</p>
<p style="margin:0 0 4px 0;"><strong>Et ensuite?</strong></p>
<p style="margin:0 0 16px 0;">Vous ne pouvez plus utiliser le LaMPSS pour ${organizationNameFr}; votre accès pour d'autres organismes, s'il y a lieu, ne change pas. Si vous croyez à une erreur, adressez-vous à la personne-ressource principale de ${organizationNameFr}.</p>
<#else>
<p style="margin:0 0 16px 0;"><strong>${changedBy}</strong> a modifié vos profils dans le LaMPSS pour <strong>${organizationNameFr}</strong>. Vous détenez maintenant :</p>
<#if profilesFr?has_content><ul style="margin:0 0 16px 0;padding-left:24px;"><#list profilesFr as profile><li>${profile}</li></#list></ul><#else><p style="margin:0 0 16px 0;">aucun profil.</p></#if>
<@layout.button href=link label="Ouvrir le LaMPSS" copyText="Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :"/>
<p style="margin:0 0 4px 0;"><strong>Et ensuite?</strong></p>
<p style="margin:0 0 16px 0;">Le changement s'applique à votre prochaine ouverture de session. Si vous croyez à une erreur, adressez-vous à la personne-ressource principale de ${organizationNameFr}.</p>
</#if>
<@layout.genuine lang="fr"/>
</@layout.half>
</@layout.page>
