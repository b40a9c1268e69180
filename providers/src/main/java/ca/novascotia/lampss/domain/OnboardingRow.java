package ca.novascotia.lampss.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * One line of an onboarding file as typed: one person in one organization. Values are kept raw
 * (blank is empty) so that every check, and its message, happens in {@link OnboardingPlan}.
 *
 * @param line the line in the CSV file (the header is line 1), or the position in the JSON array (from 1)
 */
public record OnboardingRow(int line, Map<OnboardingColumn, String> values) {

    public OnboardingRow {
        EnumMap<OnboardingColumn, String> copy = new EnumMap<>(OnboardingColumn.class);
        for (OnboardingColumn column : OnboardingColumn.values()) {
            String value = values.get(column);
            copy.put(column, value == null ? "" : value);
        }
        values = Map.copyOf(copy);
    }

    public String get(OnboardingColumn column) {
        return values.get(column);
    }

    public String organizationNumber() {
        return get(OnboardingColumn.ORGANIZATION_NUMBER).strip();
    }

    public String email() {
        return get(OnboardingColumn.EMAIL).strip().toLowerCase(java.util.Locale.ROOT);
    }
}
