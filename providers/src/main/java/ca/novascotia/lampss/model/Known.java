package ca.novascotia.lampss.model;

import ca.novascotia.lampss.domain.DomainException;
import ca.novascotia.lampss.domain.Module;
import ca.novascotia.lampss.domain.SecurityProfile;
import java.util.Optional;

/**
 * Reads codes stored in Keycloak (group attributes, subgroup names) that an identity admin may have
 * edited by hand: what we do not know is skipped rather than failing every request of the realm.
 */
public final class Known {

    private Known() {
    }

    static Optional<Module> module(String code) {
        try {
            return Optional.of(Module.fromCode(code));
        } catch (DomainException unknown) {
            return Optional.empty();
        }
    }

    public static Optional<SecurityProfile> profile(String roleName) {
        try {
            return Optional.of(SecurityProfile.fromRoleName(roleName));
        } catch (DomainException unknown) {
            return Optional.empty();
        }
    }
}
