package ca.novascotia.lampss.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an onboarding file may hold in a cell, and how lists and yes/no are written. A spreadsheet
 * runs a cell that starts with = + - or @ as a formula when the report is opened again, so such
 * cells are refused rather than stored; markup and control characters are refused as in the API.
 */
final class OnboardingCells {

    /** Lists (modules, profiles) are separated by semicolons, vertical bars or spaces. */
    private static final Pattern LIST = Pattern.compile("[;|\\s]+");

    private OnboardingCells() {
    }

    /** The first refusal among the row's cells, or null. */
    static OnboardingRefusal firstBadCell(OnboardingRow row) {
        for (OnboardingColumn column : OnboardingColumn.values()) {
            String value = row.get(column);
            String code = badCell(value);
            if (code != null) {
                return OnboardingRefusal.of(row.line(), column, code);
            }
        }
        return null;
    }

    private static String badCell(String value) {
        if (value.codePoints().anyMatch(c -> Fields.misleading(c, false))) {
            return Reason.INVALID_CHARACTERS.name();
        }
        String stripped = value.strip();
        if (!stripped.isEmpty() && "=+-@".indexOf(stripped.charAt(0)) >= 0) {
            return "FORMULA_IN_CELL";
        }
        if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
            return "MARKUP_IN_CELL";
        }
        return null;
    }

    static Set<Module> modules(String text) {
        Set<Module> modules = EnumSet.noneOf(Module.class);
        for (String code : LIST.split(text.strip())) {
            if (!code.isEmpty()) {
                modules.add(Module.fromCode(code));
            }
        }
        return modules;
    }

    static Set<SecurityProfile> profiles(String text) {
        Set<SecurityProfile> profiles = EnumSet.noneOf(SecurityProfile.class);
        for (String name : LIST.split(text.strip())) {
            if (!name.isEmpty()) {
                profiles.add(SecurityProfile.fromRoleName(name.toLowerCase(Locale.ROOT)));
            }
        }
        return profiles;
    }

    /** yes/no, oui/non, true/false, 1/0, x or blank (no). */
    static Boolean yesNo(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "oui", "o", "true", "1", "x" -> true;
            case "no", "n", "non", "false", "0", "" -> false;
            default -> null;
        };
    }
}
