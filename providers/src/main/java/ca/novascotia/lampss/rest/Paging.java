package ca.novascotia.lampss.rest;

/** {@code first} and {@code max} query parameters, checked: whole numbers, at most 100 per page. */
record Paging(int first, int max) {

    static final int DEFAULT_MAX = 20;
    static final int LARGEST_MAX = 100;

    static Paging of(String first, String max) {
        int from = parse(first, 0);
        int size = parse(max, DEFAULT_MAX);
        if (from < 0 || size < 1 || size > LARGEST_MAX) {
            throw ApiException.badRequest("INVALID_PAGING", null);
        }
        return new Paging(from, size);
    }

    private static int parse(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_PAGING", null);
        }
    }

    /** A search text: stripped, null when blank, cut to a sane length. */
    static String search(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String stripped = search.strip();
        return stripped.length() > 255 ? stripped.substring(0, 255) : stripped;
    }
}
