package ca.novascotia.lampss.domain;

/** Checks of the free-text fields the domain stores, with the reasons an HTTP layer reports. */
final class Fields {

    /** Keycloak ids are 36-character UUIDs; 255 leaves room for other stores' ids. */
    static final int MAX_ID_LENGTH = 255;

    private Fields() {
    }

    /** The value without surrounding blanks; required, at most {@code maxLength} characters, on one line. */
    static String required(String field, String value, int maxLength) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new DomainException(Reason.REQUIRED_FIELD_MISSING, field, field + " is required");
        }
        if (stripped.length() > maxLength) {
            throw new DomainException(Reason.FIELD_TOO_LONG, field,
                    field + " is longer than " + maxLength + " characters");
        }
        requirePlain(field, stripped, false);
        return stripped;
    }

    /**
     * Refuses characters that make text display as something other than what it holds: control
     * characters (line breaks and tabs only where {@code multiline}), line and paragraph separators
     * on one line, and the bidirectional marks, embeddings, overrides and isolates (a right-to-left
     * override turns "gpj.exe" into "exe.jpg" on screen and in emails).
     *
     * @throws DomainException {@link Reason#INVALID_CHARACTERS} naming the field
     */
    static void requirePlain(String field, String value, boolean multiline) {
        value.codePoints().filter(c -> misleading(c, multiline)).findFirst().ifPresent(c -> {
            throw new DomainException(Reason.INVALID_CHARACTERS, field,
                    field + " contains the character U+" + String.format("%04X", c));
        });
    }

    static boolean misleading(int c, boolean multiline) {
        if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
            return false;
        }
        return Character.getType(c) == Character.CONTROL
                || (!multiline && (c == '\u2028' || c == '\u2029'))
                || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
