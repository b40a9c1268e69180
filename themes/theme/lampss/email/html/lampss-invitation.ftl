<#ftl output_format="HTML">
<#-- Bilingual (English, then French): the person's language is not known before they sign in. -->
<#import "lampss-layout.ftl" as layout>
<@layout.page>
<@layout.half lang="en">
<@layout.heading>You are invited to LaMPSS</@layout.heading>
<p style="margin:0 0 16px 0;"><strong>${inviterName}</strong> invited you to access LaMPSS for <strong>${organizationNameEn}</strong>.</p>
<#if invitationMessage??><p style="margin:0 0 4px 0;">Their message:</p>
<blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #d0d7e2;white-space:pre-line;">${invitationMessage}</blockquote></#if>
<@layout.button href=link label="Accept the invitation" copyText="If the button does not work, copy this address into your browser:"/>
<p style="margin:0 0 16px 0;">This invitation is valid until <strong>${expiryEn}</strong> and can be used once.</p>
<p style="margin:0 0 4px 0;"><strong>What happens next</strong></p>
<p style="margin:0 0 16px 0;">You sign in with My NS Account, the province's sign-in (you can create one there). LaMPSS then links it to the access ${organizationNameEn} prepared for you, and you can use LaMPSS. If you were not expecting this invitation, ignore this email: nothing happens.</p>
<@layout.genuine lang="en"/>
</@layout.half>
<@layout.half lang="fr" first=false>
<@layout.heading>Vous êtes invité au LaMPSS</@layout.heading>
<p style="margin:0 0 16px 0;"><strong>${inviterName}</strong> vous a invité à accéder au LaMPSS pour <strong>${organizationNameFr}</strong>.</p>
<#if invitationMessage??><p style="margin:0 0 4px 0;">Son message :</p>
<blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #d0d7e2;white-space:pre-line;">${invitationMessage}</blockquote></#if>
<@layout.button href=link label="Accepter l'invitation" copyText="Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :"/>
<p style="margin:0 0 16px 0;">Cette invitation est valide jusqu'au <strong>${expiryFr}</strong> et ne peut être utilisée qu'une fois.</p>
<p style="margin:0 0 4px 0;"><strong>Et ensuite?</strong></p>
<p style="margin:0 0 16px 0;">Vous ouvrez une session avec mon compte Mon NS, le service d'ouverture de session de la province (vous pouvez y créer un compte). Le LaMPSS le relie ensuite à l'accès que ${organizationNameFr} a préparé pour vous, et vous pouvez utiliser le LaMPSS. Si vous n'attendiez pas cette invitation, ignorez ce courriel : rien ne se passera.</p>
<@layout.genuine lang="fr"/>
</@layout.half>
</@layout.page>
