<#-- Bilingual (English, then French): the person's language is not known before they sign in. -->
<#outputformat "HTML">
<html lang="en">
<body>
<div lang="en">
<p>${inviterName} invited you to access LaMPSS for <strong>${organizationNameEn}</strong>.</p>
<#if invitationMessage??><blockquote style="white-space: pre-line">${invitationMessage}</blockquote></#if>
<p><a href="${link}">Accept the invitation and sign in with My NS Account</a></p>
<p>This invitation is valid until ${expiryEn} and can be used once. If you were not expecting it, ignore this email.</p>
</div>
<hr>
<div lang="fr">
<p>${inviterName} vous a invité à accéder au LaMPSS pour <strong>${organizationNameFr}</strong>.</p>
<#if invitationMessage??><blockquote style="white-space: pre-line">${invitationMessage}</blockquote></#if>
<p><a href="${link}">Accepter l'invitation et ouvrir une session avec mon compte Mon NS</a></p>
<p>Cette invitation est valide jusqu'au ${expiryFr} et ne peut être utilisée qu'une fois. Si vous ne l'attendiez pas, ignorez ce courriel.</p>
</div>
</body>
</html>
</#outputformat>
