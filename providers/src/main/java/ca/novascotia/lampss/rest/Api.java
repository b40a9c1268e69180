package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.DomainException;
import ca.novascotia.lampss.contacts.NotFound;
import ca.novascotia.lampss.domain.InvitationRate;
import ca.novascotia.lampss.invitation.mail.InvitationEmails;
import ca.novascotia.lampss.metrics.StatementCounter;
import ca.novascotia.lampss.model.LampssRealm;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;

/**
 * Runs one API call as one transaction: authenticate, do the work, and on any refusal roll back
 * and answer with a JSON error a person can act on, in their language. Nothing is half-written:
 * every refusal is raised before or at the flush that would write.
 */
final class Api {

    /** Response header with the number of SQL statements the call ran (when the setting enables it). */
    static final String QUERY_COUNT_HEADER = "X-Lampss-Query-Count";
    /**
     * With the same setting: the call's time on the server in milliseconds, from authentication to
     * the response (JSON writing and the commit come after), as a standard {@code Server-Timing}
     * entry {@code lampss;dur=…}, so benchmarks can tell server time from the client's.
     */
    static final String SERVER_TIMING_HEADER = "Server-Timing";

    private static final Logger LOG = Logger.getLogger(Api.class);

    private Api() {
    }

    static Response run(KeycloakSession session, LampssSettings settings, Function<Request, Response> work) {
        long started = System.nanoTime();
        StatementCounter counter = settings.queryCountHeader() ? StatementCounter.attach(session) : null;
        Locale locale = session.getContext().resolveLocale(null);
        Response response;
        try {
            Request request = Request.authenticate(session, settings);
            locale = request.locale;
            response = work.apply(request);
        } catch (ApiException refusal) {
            response = error(session, refusal, locale);
        } catch (InvitationRate.TooManyInvitations tooMany) {
            response = Response.fromResponse(error(session, ApiException.from(tooMany), locale))
                    .header("Retry-After", tooMany.retryAfter().getSeconds()).build();
        } catch (DomainException refusal) {
            response = error(session, ApiException.from(refusal), locale);
        } catch (NotFound missing) {
            response = error(session, ApiException.notFound(missing.code()), locale);
        } catch (InvitationEmails.NotSentException notSent) {
            LOG.warn("invitation email not sent; nothing was saved", notSent);
            response = error(session, new ApiException(Status.SERVICE_UNAVAILABLE, "INVITATION_NOT_SENT"), locale);
        } catch (LampssRealm.NotConfiguredException notConfigured) {
            LOG.warn(notConfigured.getMessage());
            response = error(session, new ApiException(Status.SERVICE_UNAVAILABLE, "NOT_CONFIGURED"), locale);
        } catch (RuntimeException failure) {
            if (!isConcurrentChange(failure)) {
                throw failure;
            }
            LOG.debug("concurrent change refused", failure);
            response = error(session, ApiException.conflict("CONCURRENT_CHANGE", null), locale);
        }
        if (counter == null) {
            return response;
        }
        String serverTime = String.format(Locale.ROOT, "lampss;dur=%.2f", (System.nanoTime() - started) / 1e6);
        return Response.fromResponse(response).header(QUERY_COUNT_HEADER, counter.count())
                .header(SERVER_TIMING_HEADER, serverTime).build();
    }

    private static Response error(KeycloakSession session, ApiException refusal, Locale locale) {
        session.getTransactionManager().setRollbackOnly();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refusal.code());
        body.put("field", refusal.field());
        body.put("message", ErrorMessages.message(refusal.code(), refusal.field(), locale));
        return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** A lost race: optimistic version check, unique constraint (one primary contact, one membership). */
    private static boolean isConcurrentChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof ConstraintViolationException
                    || cause instanceof ModelDuplicateException
                    || cause instanceof org.hibernate.StaleStateException) {
                return true;
            }
            if (cause instanceof PersistenceException && cause.getCause() == null) {
                return false;
            }
        }
        return false;
    }
}
