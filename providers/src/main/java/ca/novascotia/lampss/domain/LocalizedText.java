package ca.novascotia.lampss.domain;

import java.util.Locale;
import java.util.Objects;

/** A text a person reads, in the two official languages of the system. */
public record LocalizedText(String en, String fr) {

    public LocalizedText {
        requireText(en, "en");
        requireText(fr, "fr");
    }

    public static LocalizedText of(String en, String fr) {
        return new LocalizedText(en, fr);
    }

    /** French for any French locale (fr, fr-CA), English otherwise: English is the default language. */
    public String in(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? fr : en;
    }

    private static void requireText(String text, String language) {
        Objects.requireNonNull(text, language);
        if (text.isBlank()) {
            throw new IllegalArgumentException("blank " + language + " text");
        }
    }
}
