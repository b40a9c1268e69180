package ca.novascotia.lampss.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A funded organization: its names in both languages, the province's organization number, and the
 * modules it has. Values are stripped of surrounding blanks and checked on construction, so an
 * {@code Organization} in hand is always valid.
 *
 * <p>The Funding Agreement module is always part of {@link #modules()}: "always" means it is not a
 * choice, so it is added rather than demanded, and it survives every {@link #withModules} call.
 */
public record Organization(String id, String nameEn, String nameFr, String externalNumber, Set<Module> modules) {

    /** Documented limit of each display name, in characters. */
    public static final int MAX_NAME_LENGTH = 255;
    /** Documented limit of the external organization number, in characters. */
    public static final int MAX_EXTERNAL_NUMBER_LENGTH = 64;

    public Organization {
        id = Fields.required("id", id, Fields.MAX_ID_LENGTH);
        nameEn = Fields.required("nameEn", nameEn, MAX_NAME_LENGTH);
        nameFr = Fields.required("nameFr", nameFr, MAX_NAME_LENGTH);
        externalNumber = Fields.required("externalNumber", externalNumber, MAX_EXTERNAL_NUMBER_LENGTH);
        modules = withAlwaysEnabled(modules);
    }

    public boolean hasModule(Module module) {
        return modules.contains(module);
    }

    /** Whether the profile may be held here at all: its module must be enabled. */
    public boolean offers(SecurityProfile profile) {
        return hasModule(profile.module());
    }

    public String name(Locale locale) {
        return LocalizedText.of(nameEn, nameFr).in(locale);
    }

    /** The same organization with another set of modules (Funding Agreement kept). */
    public Organization withModules(Set<Module> newModules) {
        return new Organization(id, nameEn, nameFr, externalNumber, newModules);
    }

    /** The same organization with new names; the number and modules are Operations Support's. */
    public Organization withNames(String newNameEn, String newNameFr) {
        return new Organization(id, newNameEn, newNameFr, externalNumber, modules);
    }

    private static Set<Module> withAlwaysEnabled(Set<Module> requested) {
        EnumSet<Module> result = EnumSet.noneOf(Module.class);
        if (requested != null) {
            requested.forEach(module -> result.add(Objects.requireNonNull(module, "module")));
        }
        for (Module module : Module.values()) {
            if (module.isAlwaysEnabled()) {
                result.add(module);
            }
        }
        return Collections.unmodifiableSet(result);
    }
}
