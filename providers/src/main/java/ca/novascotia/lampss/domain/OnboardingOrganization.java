package ca.novascotia.lampss.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One organization of an onboarding file, as its first row gives it: new, or found by number and
 * then renamed or given modules. Later rows may leave the organization's cells blank or repeat them;
 * different values are refused, naming the first row.
 */
final class OnboardingOrganization {

    final String number;
    final int firstLine;
    final OnboardingPlan.KnownOrganization known;
    /** The organization once the file is applied (its id is "new" for an organization to create). */
    Organization wanted;
    OnboardingRefusal refusal;
    final Map<String, Integer> emails = new HashMap<>();
    int primaryLine;
    private String nameEn = "";
    private String nameFr = "";
    private Set<Module> modules = Set.of();

    private OnboardingOrganization(String number, int firstLine, OnboardingPlan.KnownOrganization known) {
        this.number = number;
        this.firstLine = firstLine;
        this.known = known;
    }

    static OnboardingOrganization first(OnboardingRow row, OnboardingPlan.Known realm) {
        Optional<OnboardingPlan.KnownOrganization> known = row.organizationNumber().isEmpty()
                ? Optional.empty() : realm.organization(row.organizationNumber());
        OnboardingOrganization organization = new OnboardingOrganization(row.organizationNumber(), row.line(), known.orElse(null));
        try {
            organization.read(row);
        } catch (DomainException refused) {
            organization.refusal = OnboardingRefusal.from(row.line(), refused);
        }
        return organization;
    }

    private void read(OnboardingRow row) {
        nameEn = row.get(OnboardingColumn.ORGANIZATION_NAME_EN).strip();
        nameFr = row.get(OnboardingColumn.ORGANIZATION_NAME_FR).strip();
        modules = OnboardingCells.modules(row.get(OnboardingColumn.MODULES));
        if (known == null) {
            wanted = new Organization("new", nameEn, nameFr, number, modules);
            return;
        }
        Organization current = known.organization();
        Set<Module> all = EnumSet.noneOf(Module.class);
        all.addAll(current.modules());
        all.addAll(modules);
        wanted = current.withNames(nameEn.isEmpty() ? current.nameEn() : nameEn, nameFr.isEmpty() ? current.nameFr() : nameFr)
                .withModules(all);
    }

    /** The refusal of a row of this organization when its first row's organization cells were refused. */
    OnboardingRefusal refusalFor(OnboardingRow row) {
        return row.line() == firstLine ? refusal
                : new OnboardingRefusal(row.line(), refusal.column(), "ORGANIZATION_REFUSED", String.valueOf(firstLine));
    }

    void requireSame(OnboardingRow row) {
        same(row, OnboardingColumn.ORGANIZATION_NAME_EN, nameEn);
        same(row, OnboardingColumn.ORGANIZATION_NAME_FR, nameFr);
        String text = row.get(OnboardingColumn.MODULES);
        if (!text.isBlank() && !OnboardingCells.modules(text).equals(modules)) {
            throw OnboardingPlan.refused(row, OnboardingColumn.MODULES, "ORGANIZATION_DIFFERS", String.valueOf(firstLine));
        }
    }

    private void same(OnboardingRow row, OnboardingColumn column, String first) {
        String value = row.get(column).strip();
        if (!value.isEmpty() && !value.equals(first)) {
            throw OnboardingPlan.refused(row, column, "ORGANIZATION_DIFFERS", String.valueOf(firstLine));
        }
    }

    /** A new organization, or one without contacts yet: the file must name its primary contact. */
    boolean needsPrimary() {
        return known == null || !known.hasContacts();
    }

    String primaryContactEmail() {
        return known == null ? null : known.primaryContactEmail();
    }

    OnboardingReport.OrganizationChange change() {
        if (known == null) {
            return new OnboardingReport.OrganizationChange(number, firstLine, OnboardingReport.Change.CREATE, wanted, List.of());
        }
        Organization current = known.organization();
        List<String> changes = new ArrayList<>();
        if (!current.nameEn().equals(wanted.nameEn())) {
            changes.add("nameEn");
        }
        if (!current.nameFr().equals(wanted.nameFr())) {
            changes.add("nameFr");
        }
        if (!current.modules().equals(wanted.modules())) {
            changes.add("modules");
        }
        return new OnboardingReport.OrganizationChange(number, firstLine,
                changes.isEmpty() ? OnboardingReport.Change.UNCHANGED : OnboardingReport.Change.UPDATE, wanted, changes);
    }
}
