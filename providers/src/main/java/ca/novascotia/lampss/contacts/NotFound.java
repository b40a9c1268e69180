package ca.novascotia.lampss.contacts;

/** What a change names does not exist, or is not the caller's to see (the same answer, so ids cannot be probed). */
public final class NotFound extends RuntimeException {

    private final String code;

    public NotFound(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
