<#ftl output_format="plainText">
The email address of your LaMPSS account was changed from ${oldEmail} to another address by ${changedBy}.
Invitations sent to ${oldEmail} no longer work. If you did not expect this change, contact your organization's primary contact or LaMPSS Operations Support.

-----

L'adresse courriel de votre compte LaMPSS a été remplacée par ${changedBy} : ${oldEmail} n'est plus l'adresse du compte.
Les invitations envoyées à ${oldEmail} ne fonctionnent plus. Si vous n'attendiez pas ce changement, communiquez avec la principale personne-ressource de votre organisme ou avec le Soutien aux opérations du LaMPSS.
