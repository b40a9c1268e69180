package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.domain.DomainException;
import ca.novascotia.lampss.domain.Reason;
import jakarta.ws.rs.core.Response.Status;

/**
 * A request we refuse, with the status, the stable error code and the field at fault. The message a
 * person reads comes from {@code messages_en/fr.properties} by code, never from this exception.
 */
public class ApiException extends RuntimeException {

    private final Status status;
    private final String code;
    private final String field;

    public ApiException(Status status, String code, String field) {
        super(code + (field == null ? "" : " (" + field + ")"));
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public ApiException(Status status, String code) {
        this(status, code, null);
    }

    public static ApiException from(DomainException refusal) {
        return new ApiException(status(refusal.reason()), refusal.reason().name(), refusal.field());
    }

    public static ApiException notFound(String code) {
        return new ApiException(Status.NOT_FOUND, code);
    }

    public static ApiException badRequest(String code, String field) {
        return new ApiException(Status.BAD_REQUEST, code, field);
    }

    public static ApiException conflict(String code, String field) {
        return new ApiException(Status.CONFLICT, code, field);
    }

    static Status status(Reason reason) {
        return switch (reason.kind()) {
            case PERMISSION -> Status.FORBIDDEN;
            case RULE -> Status.CONFLICT;
            case INPUT -> Status.BAD_REQUEST;
            case RATE -> Status.TOO_MANY_REQUESTS;
        };
    }

    public Status status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
