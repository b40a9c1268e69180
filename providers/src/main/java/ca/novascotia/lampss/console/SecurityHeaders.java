package ca.novascotia.lampss.console;

import jakarta.ws.rs.core.Response;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.KeycloakSession;

/**
 * Headers of every console answer: the page loads code, styles, fonts and data from this origin
 * only, runs no inline script, and is never framed. Keycloak would replace our policy with the
 * realm's (made for its login pages), so its headers are skipped here, and the realm's HSTS and
 * robots settings are kept.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    static Response.ResponseBuilder apply(KeycloakSession session, Response.ResponseBuilder response) {
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        realmValue(session, BrowserSecurityHeaders.STRICT_TRANSPORT_SECURITY, response);
        realmValue(session, BrowserSecurityHeaders.X_ROBOTS_TAG, response);
        return response
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    private static void realmValue(KeycloakSession session, BrowserSecurityHeaders header, Response.ResponseBuilder response) {
        String value = session.getContext().getRealm().getBrowserSecurityHeaders()
                .getOrDefault(header.getKey(), header.getDefaultValue());
        if (value != null && !value.isEmpty()) {
            response.header(header.getHeaderName(), value);
        }
    }
}
