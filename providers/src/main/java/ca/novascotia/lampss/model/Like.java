package ca.novascotia.lampss.model;

/** Escapes LIKE wildcards so that a person searching for "50%" finds "50%", not everything. */
final class Like {

    static final char ESCAPE = '\\';

    private Like() {
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
