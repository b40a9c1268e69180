<#ftl output_format="HTML">
<#-- To an invited person whose invitation expires soon (the same link as the invitation). -->
<#import "lampss-layout.ftl" as layout>
<@layout.page>
<@layout.half lang="en">
<@layout.heading>Your LaMPSS invitation expires soon</@layout.heading>
<p style="margin:0 0 16px 0;"><strong>${inviterName}</strong> invited you to access LaMPSS for <strong>${organizationNameEn}</strong>. You have not accepted yet.</p>
<@layout.button href=link label="Accept the invitation" copyText="If the button does not work, copy this address into your browser:"/>
<p style="margin:0 0 16px 0;">The invitation is valid until <strong>${expiryEn}</strong> and can be used once.</p>
<p style="margin:0 0 4px 0;"><strong>What happens next</strong></p>
<p style="margin:0 0 16px 0;">You sign in with My NS Account, and LaMPSS links it to the access ${organizationNameEn} prepared for you. After ${expiryEn} the link stops working and ${organizationNameEn} must invite you again. If you were not expecting this, ignore this email.</p>
<@layout.genuine lang="en"/>
</@layout.half>
<@layout.half lang="fr" first=false>
<@layout.heading>Votre invitation au LaMPSS expire bientôt</@layout.heading>
<p style="margin:0 0 16px 0;"><strong>${inviterName}</strong> vous a invité à accéder au LaMPSS pour <strong>${organizationNameFr}</strong>. Vous ne l'avez pas encore acceptée.</p>
<@layout.button href=link label="Accepter l'invitation" copyText="Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :"/>
<p style="margin:0 0 16px 0;">L'invitation est valide jusqu'au <strong>${expiryFr}</strong> et ne peut être utilisée qu'une fois.</p>
<p style="margin:0 0 4px 0;"><strong>Et ensuite?</strong></p>
<p style="margin:0 0 16px 0;">Vous ouvrez une session avec mon compte Mon NS, et le LaMPSS le relie à l'accès que ${organizationNameFr} a préparé pour vous. Après le ${expiryFr}, le lien ne fonctionnera plus et ${organizationNameFr} devra vous inviter de nouveau. Si vous n'attendiez pas ce courriel, ignorez-le.</p>
<@layout.genuine lang="fr"/>
</@layout.half>
</@layout.page>
