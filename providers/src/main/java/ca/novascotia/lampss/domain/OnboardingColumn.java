package ca.novascotia.lampss.domain;

/**
 * The columns of an onboarding file, in the order the example file gives them (any order is read;
 * every column is required in the header). {@link #field()} is the API's name for the same value,
 * which is also the key of its label in error messages.
 */
public enum OnboardingColumn {

    ORGANIZATION_NUMBER("organization_number", "externalNumber"),
    ORGANIZATION_NAME_EN("organization_name_en", "nameEn"),
    ORGANIZATION_NAME_FR("organization_name_fr", "nameFr"),
    MODULES("modules", "modules"),
    LAST_NAME("last_name", "lastName"),
    FIRST_NAME("first_name", "firstName"),
    EMAIL("email", "email"),
    PROFILES("profiles", "profiles"),
    PRIMARY_CONTACT("primary_contact", "primaryContact");

    private final String header;
    private final String field;

    OnboardingColumn(String header, String field) {
        this.header = header;
        this.field = field;
    }

    /** The column's name in a CSV header. */
    public String header() {
        return header;
    }

    /** The same value's name in the JSON form and in the API's error messages. */
    public String field() {
        return field;
    }

    /** The column named {@code header} in a CSV header line, or null. */
    public static OnboardingColumn ofHeader(String header) {
        for (OnboardingColumn column : values()) {
            if (column.header.equals(header)) {
                return column;
            }
        }
        return null;
    }

    /** The column whose API field is {@code field}, or null. */
    public static OnboardingColumn ofField(String field) {
        for (OnboardingColumn column : values()) {
            if (column.field.equals(field)) {
                return column;
            }
        }
        return null;
    }
}
