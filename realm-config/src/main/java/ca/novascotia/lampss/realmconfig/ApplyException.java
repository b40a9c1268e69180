package ca.novascotia.lampss.realmconfig;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Keycloak refused or failed a change; the message says what and why. */
public final class ApplyException extends RuntimeException {

    public ApplyException(String message) {
        super(message);
    }

    public ApplyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Fails unless {@code response} is 2xx. */
    static void check(Response response, String what) {
        int status = response.getStatus();
        if (status < 200 || status >= 300) {
            throw new ApplyException(what + ": HTTP " + status + body(response));
        }
    }

    /** The id at the end of a 201 response's Location header. */
    static String createdId(Response response, String what) {
        check(response, what);
        if (response.getLocation() == null) {
            throw new ApplyException(what + ": no Location header in the response");
        }
        String path = response.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Describes an admin API error with its status and the server's message. */
    static ApplyException from(WebApplicationException e, String what) {
        Response response = e.getResponse();
        String status = response == null ? "" : ": HTTP " + response.getStatus();
        return new ApplyException(what + status + (response == null ? "" : body(response)), e);
    }

    private static String body(Response response) {
        try {
            if (response.hasEntity()) {
                String body = response.readEntity(String.class);
                if (body != null && !body.isBlank()) {
                    return " " + body.strip();
                }
            }
        } catch (RuntimeException ignored) {
            // the body is a nicety
        }
        return "";
    }
}
