<#ftl output_format="plainText">
<#import "lampss-genuine.ftl" as layout>
${properties.lampssProgramNameEn!'LaMPSS'} / ${properties.lampssProgramNameFr!'LaMPSS'}

YOU ARE INVITED TO LaMPSS

${inviterName} invited you to access LaMPSS for ${organizationNameEn}.
<#if invitationMessage??>

Their message:
${invitationMessage}
</#if>

Accept the invitation (open this address in your browser):
${link}

This invitation is valid until ${expiryEn} and can be used once.

What happens next: you sign in with My NS Account, the province's sign-in (you can create one there). LaMPSS then links it to the access ${organizationNameEn} prepared for you, and you can use LaMPSS. If you were not expecting this invitation, ignore this email: nothing happens.

<@layout.genuine lang="en"/>

-----

VOUS ÊTES INVITÉ AU LaMPSS

${inviterName} vous a invité à accéder au LaMPSS pour ${organizationNameFr}.
<#if invitationMessage??>

Son message :
${invitationMessage}
</#if>

Accepter l'invitation (ouvrez cette adresse dans votre navigateur) :
${link}

Cette invitation est valide jusqu'au ${expiryFr} et ne peut être utilisée qu'une fois.

Et ensuite? Vous ouvrez une session avec mon compte Mon NS, le service d'ouverture de session de la province (vous pouvez y créer un compte). Le LaMPSS le relie ensuite à l'accès que ${organizationNameFr} a préparé pour vous, et vous pouvez utiliser le LaMPSS. Si vous n'attendiez pas cette invitation, ignorez ce courriel : rien ne se passera.

<@layout.genuine lang="fr"/>
