package ca.novascotia.lampss.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What follows from Operations Support changing an organization's modules, so that the model layer
 * applies it in the same transaction as the change.
 *
 * <ul>
 *   <li>Profiles of a module the organization no longer has are revoked: rule 2 says such a profile
 *       "cannot be given", and leaving it in tokens would keep the access it stood for.</li>
 *   <li>Enabling Private Career Colleges is Operations Support granting a college access, and the
 *       guide gives the primary contact "Administrateur de CPEP" when that happens.</li>
 * </ul>
 */
public record ModuleChange(Organization before, Organization after) {

    public ModuleChange {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("a module change is about one organization");
        }
    }

    public static ModuleChange of(Organization organization, Set<Module> newModules) {
        return new ModuleChange(organization, organization.withModules(newModules));
    }

    public Set<Module> enabled() {
        return difference(after.modules(), before.modules());
    }

    public Set<Module> disabled() {
        return difference(before.modules(), after.modules());
    }

    /** Every profile of a disabled module; the holders in this organization lose them. */
    public Set<SecurityProfile> profilesToRevoke() {
        EnumSet<SecurityProfile> result = EnumSet.noneOf(SecurityProfile.class);
        disabled().forEach(module -> result.addAll(SecurityProfile.of(module)));
        return Collections.unmodifiableSet(result);
    }

    /** Profiles the organization's primary contact (if any) now receives. */
    public Set<SecurityProfile> profilesForPrimaryContact() {
        return enabled().contains(Module.PRIVATE_CAREER_COLLEGES)
                ? Set.of(SecurityProfile.PCC_ADMINISTRATOR)
                : Set.of();
    }

    private static Set<Module> difference(Set<Module> from, Set<Module> minus) {
        EnumSet<Module> result = EnumSet.noneOf(Module.class);
        result.addAll(from);
        result.removeAll(minus);
        return Collections.unmodifiableSet(result);
    }
}
