<#ftl output_format="plainText">
<#import "lampss-genuine.ftl" as layout>
${properties.lampssProgramNameEn!'LaMPSS'} / ${properties.lampssProgramNameFr!'LaMPSS'}

YOUR LaMPSS INVITATION EXPIRES SOON

${inviterName} invited you to access LaMPSS for ${organizationNameEn}. You have not accepted yet.

Accept the invitation: ${link}

The invitation is valid until ${expiryEn} and can be used once.

What happens next: you sign in with My NS Account, and LaMPSS links it to the access ${organizationNameEn} prepared for you. After ${expiryEn} the link stops working and ${organizationNameEn} must invite you again. If you were not expecting this, ignore this email.

<@layout.genuine lang="en"/>

-----

VOTRE INVITATION AU LaMPSS EXPIRE BIENTÔT

${inviterName} vous a invité à accéder au LaMPSS pour ${organizationNameFr}. Vous ne l'avez pas encore acceptée.

Accepter l'invitation : ${link}

L'invitation est valide jusqu'au ${expiryFr} et ne peut être utilisée qu'une fois.

Et ensuite? Vous ouvrez une session avec mon compte Mon NS, et le LaMPSS le relie à l'accès que ${organizationNameFr} a préparé pour vous. Après le ${expiryFr}, le lien ne fonctionnera plus et ${organizationNameFr} devra vous inviter de nouveau. Si vous n'attendiez pas ce courriel, ignorez-le.

<@layout.genuine lang="fr"/>
