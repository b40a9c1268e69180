<#ftl output_format="plainText">
<#import "lampss-genuine.ftl" as layout>
${properties.lampssProgramNameEn!'LaMPSS'} / ${properties.lampssProgramNameFr!'LaMPSS'}

AN INVITATION YOU SENT EXPIRED

The invitation you sent to ${inviteeName} (${inviteeEmail}) for ${organizationNameEn} expired on ${expiryEn} without being accepted.

Open the contact in LaMPSS: ${link}

What happens next: ${inviteeName} stays invited, without a working link. If they still need access, send a new invitation from their page; otherwise deactivate them.

<@layout.genuine lang="en"/>

-----

UNE INVITATION QUE VOUS AVEZ ENVOYÉE A EXPIRÉ

L'invitation que vous avez envoyée à ${inviteeName} (${inviteeEmail}) pour ${organizationNameFr} a expiré le ${expiryFr} sans avoir été acceptée.

Ouvrir la personne-ressource dans le LaMPSS : ${link}

Et ensuite? ${inviteeName} demeure invité, sans lien valide. Si cette personne a toujours besoin d'un accès, envoyez une nouvelle invitation depuis sa page; sinon, désactivez-la.

<@layout.genuine lang="fr"/>
