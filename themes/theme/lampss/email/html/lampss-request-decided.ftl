<#ftl output_format="HTML">
<#-- To the contact manager who asked for a profile, and to the person it was asked for. -->
<#import "lampss-layout.ftl" as layout>
<@layout.page>
<@layout.half lang="en">
<@layout.heading><#if approved>Access request approved<#else>Access request refused</#if></@layout.heading>
<p style="margin:0 0 16px 0;"><strong>${decidedBy}</strong> of the LaMPSS Operations Support team <#if approved>approved<#else>refused</#if> the request made by ${askerName} for <strong>${personName}</strong> to hold <strong>${profileEn}</strong> in LaMPSS for <strong>${organizationNameEn}</strong>.</p>
<#if decision??><p style="margin:0 0 4px 0;">Their note:</p>
<blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #d0d7e2;white-space:pre-line;">${decision}</blockquote></#if>
<@layout.button href=link label="Open LaMPSS" copyText="If the button does not work, copy this address into your browser:"/>
<p style="margin:0 0 4px 0;"><strong>What happens next</strong></p>
<p style="margin:0 0 16px 0;"><#if approved>The profile applies the next time ${personName} signs in.<#else>Nothing changes. ${askerName} may ask again with more details.</#if></p>
<@layout.genuine lang="en"/>
</@layout.half>
<@layout.half lang="fr" first=false>
<@layout.heading><#if approved>Demande d'accès approuvée<#else>Demande d'accès refusée</#if></@layout.heading>
<p style="margin:0 0 16px 0;"><strong>${decidedBy}</strong>, de l'équipe du Soutien aux opérations du LaMPSS, a <#if approved>approuvé<#else>refusé</#if> la demande de ${askerName} pour que <strong>${personName}</strong> détienne le profil <strong>${profileFr}</strong> dans le LaMPSS pour <strong>${organizationNameFr}</strong>.</p>
<#if decision??><p style="margin:0 0 4px 0;">Sa note :</p>
<blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #d0d7e2;white-space:pre-line;">${decision}</blockquote></#if>
<@layout.button href=link label="Ouvrir le LaMPSS" copyText="Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :"/>
<p style="margin:0 0 4px 0;"><strong>Et ensuite?</strong></p>
<p style="margin:0 0 16px 0;"><#if approved>Le profil s'applique à la prochaine ouverture de session de ${personName}.<#else>Rien ne change. ${askerName} peut présenter une nouvelle demande avec plus de détails.</#if></p>
<@layout.genuine lang="fr"/>
</@layout.half>
</@layout.page>
