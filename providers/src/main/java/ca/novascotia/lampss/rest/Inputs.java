package ca.novascotia.lampss.rest;

import ca.novascotia.lampss.domain.Module;
import ca.novascotia.lampss.domain.SecurityProfile;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns request values into domain values; unknown names are the domain's 400s. */
final class Inputs {

    private Inputs() {
    }

    static Set<SecurityProfile> profiles(List<String> names) {
        Set<SecurityProfile> profiles = EnumSet.noneOf(SecurityProfile.class);
        if (names != null) {
            names.forEach(name -> profiles.add(SecurityProfile.fromRoleName(name)));
        }
        return profiles;
    }

    static Set<Module> modules(List<String> codes) {
        Set<Module> modules = EnumSet.noneOf(Module.class);
        if (codes != null) {
            codes.forEach(code -> modules.add(Module.fromCode(code)));
        }
        return modules;
    }
}
