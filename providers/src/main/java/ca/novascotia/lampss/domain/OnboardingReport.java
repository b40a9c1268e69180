package ca.novascotia.lampss.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An onboarding file's plan: each row's change (or refusal), in line order, and each organization
 * the accepted rows create or change.
 */
public record OnboardingReport(List<OnboardingPlan.RowPlan> rows, List<OrganizationChange> organizations) {

    public enum Change { CREATE, UPDATE, UNCHANGED }

    /** @param changed the fields that change for an existing organization (nameEn, nameFr, modules) */
    public record OrganizationChange(String number, int firstLine, Change change, Organization wanted, List<String> changed) {
    }

    public OnboardingReport {
        rows = List.copyOf(rows);
        organizations = List.copyOf(organizations);
    }

    public Map<OnboardingPlan.RowChange, Integer> rowCounts() {
        Map<OnboardingPlan.RowChange, Integer> counts = new EnumMap<>(OnboardingPlan.RowChange.class);
        for (OnboardingPlan.RowChange change : OnboardingPlan.RowChange.values()) {
            counts.put(change, 0);
        }
        rows.forEach(row -> counts.merge(row.change(), 1, Integer::sum));
        return counts;
    }

    public Map<Change, Integer> organizationCounts() {
        Map<Change, Integer> counts = new EnumMap<>(Change.class);
        for (Change change : Change.values()) {
            counts.put(change, 0);
        }
        organizations.forEach(organization -> counts.merge(organization.change(), 1, Integer::sum));
        return counts;
    }

    public List<OnboardingRefusal> refusals() {
        return rows.stream().filter(OnboardingPlan.RowPlan::refused).map(OnboardingPlan.RowPlan::refusal).toList();
    }
}
