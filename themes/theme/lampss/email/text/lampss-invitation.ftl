<#ftl output_format="plainText">
${inviterName} invited you to access LaMPSS for ${organizationNameEn}.
<#if invitationMessage??>

${invitationMessage}
</#if>

Accept the invitation and sign in with My NS Account:
${link}

This invitation is valid until ${expiryEn} and can be used once. If you were not expecting it, ignore this email.

-----

${inviterName} vous a invité à accéder au LaMPSS pour ${organizationNameFr}.
<#if invitationMessage??>

${invitationMessage}
</#if>

Accepter l'invitation et ouvrir une session avec mon compte Mon NS :
${link}

Cette invitation est valide jusqu'au ${expiryFr} et ne peut être utilisée qu'une fois. Si vous ne l'attendiez pas, ignorez ce courriel.
