package ca.novascotia.lampss.keycloakadmin;

import ca.novascotia.lampss.config.LampssSettings;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.model.Known;
import java.util.Optional;
import org.keycloak.models.GroupModel;

/** What a group is to LaMPSS: the organizations' root, an organization, a profile subgroup, or nothing of ours. */
final class LampssGroups {

    enum Kind { ROOT, ORGANIZATION, PROFILE, OTHER }

    private final GroupModel root;
    private final String rootPath;

    LampssGroups(GroupModel root, LampssSettings settings) {
        this.root = root;
        this.rootPath = "/" + settings.organizationsGroup();
    }

    Kind kind(GroupModel group) {
        if (group == null) {
            return Kind.OTHER;
        }
        if (group.getId().equals(root.getId())) {
            return Kind.ROOT;
        }
        if (root.getId().equals(group.getParentId())) {
            return Kind.ORGANIZATION;
        }
        GroupModel parent = group.getParent();
        if (parent != null && root.getId().equals(parent.getParentId()) && profile(group).isPresent()) {
            return Kind.PROFILE;
        }
        return Kind.OTHER;
    }

    /** The profile a subgroup stands for, by its name. */
    static Optional<SecurityProfile> profile(GroupModel group) {
        return Known.profile(group.getName());
    }

    /** Whether a group path is the root's or lies under it (so the group is, or was, one of ours). */
    boolean underRoot(String path) {
        return path != null && (path.equals(rootPath) || path.startsWith(rootPath + "/"));
    }
}
