<#ftl output_format="plainText">
<#import "lampss-genuine.ftl" as layout>
${properties.lampssProgramNameEn!'LaMPSS'} / ${properties.lampssProgramNameFr!'LaMPSS'}

YOUR LaMPSS EMAIL ADDRESS WAS CHANGED

${changedBy} changed the email address of your LaMPSS account from ${oldEmail} to another address.

What happens next: invitations sent to ${oldEmail} no longer work; LaMPSS writes to the new address from now on. You have nothing to do if you expected this change. If you did not, tell your organization's primary contact or LaMPSS Operations Support.

<@layout.genuine lang="en"/>

-----

VOTRE ADRESSE COURRIEL DU LaMPSS A ÉTÉ CHANGÉE

${changedBy} a remplacé ${oldEmail} par une autre adresse courriel pour votre compte LaMPSS.

Et ensuite? Les invitations envoyées à ${oldEmail} ne fonctionnent plus; le LaMPSS écrit désormais à la nouvelle adresse. Vous n'avez rien à faire si vous attendiez ce changement. Sinon, prévenez la personne-ressource principale de votre organisme ou le Soutien aux opérations du LaMPSS.

<@layout.genuine lang="fr"/>
