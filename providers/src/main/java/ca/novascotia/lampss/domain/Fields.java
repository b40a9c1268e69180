package ca.novascotia.lampss.domain;

/** Checks of the free-text fields the domain stores, with the reasons an HTTP layer reports. */
final class Fields {

    /** Keycloak ids are 36-character UUIDs; 255 leaves room for other stores' ids. */
    static final int MAX_ID_LENGTH = 255;

    private Fields() {
    }

    /** The value without surrounding blanks; required and at most {@code maxLength} characters. */
    static String required(String field, String value, int maxLength) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new DomainException(Reason.REQUIRED_FIELD_MISSING, field, field + " is required");
        }
        if (stripped.length() > maxLength) {
            throw new DomainException(Reason.FIELD_TOO_LONG, field,
                    field + " is longer than " + maxLength + " characters");
        }
        return stripped;
    }
}
