<#-- Sent to the OLD address when a contact's email changes: the invitations sent there no longer work. -->
<#outputformat "HTML">
<html lang="en">
<body>
<div lang="en">
<p>The email address of your LaMPSS account was changed from ${oldEmail} to another address by ${changedBy}.</p>
<p>Invitations sent to ${oldEmail} no longer work. If you did not expect this change, contact your organization's primary contact or LaMPSS Operations Support.</p>
</div>
<hr>
<div lang="fr">
<p>L'adresse courriel de votre compte LaMPSS a été remplacée par ${changedBy} : ${oldEmail} n'est plus l'adresse du compte.</p>
<p>Les invitations envoyées à ${oldEmail} ne fonctionnent plus. Si vous n'attendiez pas ce changement, communiquez avec la principale personne-ressource de votre organisme ou avec le Soutien aux opérations du LaMPSS.</p>
</div>
</body>
</html>
</#outputformat>
