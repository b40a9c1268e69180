package ca.novascotia.lampss.keycloakadmin;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.ErrorResponseException;

/**
 * An identity admin's change LaMPSS does not accept. Thrown from inside the provider event, it
 * fails the admin request with 409 and the message (English, then French) as Keycloak's own
 * {@code errorMessage}, which the admin console shows; the transaction is marked rollback-only
 * first, so nothing of the change is kept whoever catches the exception on the way out.
 */
final class Refusal {

    private Refusal() {
    }

    static ErrorResponseException of(String english, String french) {
        return ErrorResponse.error(english + " / " + french, Response.Status.CONFLICT);
    }

    static ErrorResponseException rollingBack(KeycloakSession session, ErrorResponseException refusal) {
        session.getTransactionManager().setRollbackOnly();
        return refusal;
    }

    /** Why a use case refused an admin's change, and what to do instead, by the domain's reason. */
    static ErrorResponseException from(String reason) {
        Map.Entry<String, String> text = switch (reason) {
            case "PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED" -> Map.entry(
                    "This person is the organization's primary contact. Transfer the primary contact role to another active contact in the LaMPSS console first.",
                    "Cette personne est la personne-ressource principale de l'organisme. Transférez d'abord ce rôle à un autre contact actif dans la console LaMPSS.");
            case "MODULE_NOT_ENABLED" -> Map.entry(
                    "The organization does not have this profile's module. Operations Support enables modules in the LaMPSS console.",
                    "L'organisme n'a pas le module de ce profil. Le Soutien aux opérations active les modules dans la console LaMPSS.");
            case "CONTACT_NOT_FOUND", "TARGET_NOT_IN_ORGANIZATION" -> Map.entry(
                    "This user is not a contact of the organization. Add contacts through the LaMPSS console (Org contacts, Add contact with LaMPSS access); they become members when they accept the invitation.",
                    "Cet utilisateur n'est pas un contact de l'organisme. Ajoutez les contacts dans la console LaMPSS (Contacts de l'organisme, Ajouter un contact avec accès à LaMPSS) ; ils deviennent membres en acceptant l'invitation.");
            case "TARGET_INACTIVE", "TARGET_NOT_ACTIVE" -> Map.entry(
                    "Profiles are given to active contacts only. Reactivate the contact, or wait until they accept their invitation, then give the profile.",
                    "Les profils ne sont donnés qu'aux contacts actifs. Réactivez le contact, ou attendez qu'il accepte son invitation, puis donnez le profil.");
            default -> Map.entry(
                    "LaMPSS refuses this change (" + reason + "). Make it in the LaMPSS console, which explains what is allowed.",
                    "LaMPSS refuse ce changement (" + reason + "). Faites-le dans la console LaMPSS, qui explique ce qui est permis.");
        };
        return of(text.getKey(), text.getValue());
    }
}
