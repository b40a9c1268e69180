<#ftl output_format="HTML">
<#-- Sent to the OLD address when a contact's email changes: the invitations sent there no longer work. -->
<#import "lampss-layout.ftl" as layout>
<@layout.page>
<@layout.half lang="en">
<@layout.heading>Your LaMPSS email address was changed</@layout.heading>
<p style="margin:0 0 16px 0;"><strong>${changedBy}</strong> changed the email address of your LaMPSS account from ${oldEmail} to another address.</p>
<p style="margin:0 0 4px 0;"><strong>What happens next</strong></p>
<p style="margin:0 0 16px 0;">Invitations sent to ${oldEmail} no longer work; LaMPSS writes to the new address from now on. You have nothing to do if you expected this change. If you did not, tell your organization's primary contact or LaMPSS Operations Support.</p>
<@layout.genuine lang="en"/>
</@layout.half>
<@layout.half lang="fr" first=false>
<@layout.heading>Votre adresse courriel du LaMPSS a été changée</@layout.heading>
<p style="margin:0 0 16px 0;"><strong>${changedBy}</strong> a remplacé ${oldEmail} par une autre adresse courriel pour votre compte LaMPSS.</p>
<p style="margin:0 0 4px 0;"><strong>Et ensuite?</strong></p>
<p style="margin:0 0 16px 0;">Les invitations envoyées à ${oldEmail} ne fonctionnent plus; le LaMPSS écrit désormais à la nouvelle adresse. Vous n'avez rien à faire si vous attendiez ce changement. Sinon, prévenez la personne-ressource principale de votre organisme ou le Soutien aux opérations du LaMPSS.</p>
<@layout.genuine lang="fr"/>
</@layout.half>
</@layout.page>
