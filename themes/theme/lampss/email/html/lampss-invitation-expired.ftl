<#ftl output_format="HTML">
<#-- To the person who sent an invitation that expired unused. -->
<#import "lampss-layout.ftl" as layout>
<@layout.page>
<@layout.half lang="en">
<@layout.heading>An invitation you sent expired</@layout.heading>
<p style="margin:0 0 16px 0;">The invitation you sent to <strong>${inviteeName}</strong> (${inviteeEmail}) for <strong>${organizationNameEn}</strong> expired on <strong>${expiryEn}</strong> without being accepted.</p>
<@layout.button href=link label="Open the contact in LaMPSS" copyText="If the button does not work, copy this address into your browser:"/>
<p style="margin:0 0 4px 0;"><strong>What happens next</strong></p>
<p style="margin:0 0 16px 0;">${inviteeName} stays invited, without a working link. If they still need access, send a new invitation from their page; otherwise deactivate them.</p>
<@layout.genuine lang="en"/>
</@layout.half>
<@layout.half lang="fr" first=false>
<@layout.heading>Une invitation que vous avez envoyée a expiré</@layout.heading>
<p style="margin:0 0 16px 0;">L'invitation que vous avez envoyée à <strong>${inviteeName}</strong> (${inviteeEmail}) pour <strong>${organizationNameFr}</strong> a expiré le <strong>${expiryFr}</strong> sans avoir été acceptée.</p>
<@layout.button href=link label="Ouvrir la personne-ressource dans le LaMPSS" copyText="Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :"/>
<p style="margin:0 0 4px 0;"><strong>Et ensuite?</strong></p>
<p style="margin:0 0 16px 0;">${inviteeName} demeure invité, sans lien valide. Si cette personne a toujours besoin d'un accès, envoyez une nouvelle invitation depuis sa page; sinon, désactivez-la.</p>
<@layout.genuine lang="fr"/>
</@layout.half>
</@layout.page>
