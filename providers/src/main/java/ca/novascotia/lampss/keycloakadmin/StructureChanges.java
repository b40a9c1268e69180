package ca.novascotia.lampss.keycloakadmin;

import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.store.MembershipEntity;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;

/**
 * The shape LaMPSS's records hang on: the organizations' root group, one group per organization
 * (its id is the organization's id in every row, claim and audit entry), one subgroup per profile
 * mapped to exactly that profile's client role, and the profiles client with its roles. An admin
 * changing that shape would orphan rows or hand out roles no rule checked, so it is refused, with
 * what to do instead.
 */
final class StructureChanges {

    private final AdminChange change;

    StructureChanges(AdminChange change) {
        this.change = change;
    }

    void groupRemoved(GroupModel group) {
        switch (change.groups.kind(group)) {
            case ROOT, ORGANIZATION -> throw Refusal.of(
                    "LaMPSS organizations cannot be deleted in Keycloak: their contacts, invitations and audit trail hang on the group. Deactivate the organization's contacts in the LaMPSS console instead.",
                    "Les organismes LaMPSS ne peuvent pas être supprimés dans Keycloak : leurs contacts, invitations et journal d'audit dépendent du groupe. Désactivez plutôt les contacts de l'organisme dans la console LaMPSS.");
            case PROFILE -> throw profileSubgroup();
            case OTHER -> { }
        }
    }

    /**
     * A subgroup named after a profile under an organization is a profile subgroup: LaMPSS makes them
     * (with their role) when it first gives the profile there, and only for a module the organization
     * has. One made by hand could hold a profile of a module the organization lacks, or no role at all
     * while the API reads its members as holding the profile.
     */
    void groupCreated(GroupModel group) {
        if (change.groups.kind(group) == LampssGroups.Kind.PROFILE) {
            throw profileSubgroup();
        }
    }

    void groupPathChanged(String previousPath, String newPath) {
        if (change.groups.underRoot(previousPath) || change.groups.underRoot(newPath)) {
            throw Refusal.of(
                    "Groups under the organizations group cannot be renamed or moved in Keycloak: an organization's group name is its number, a profile subgroup's name is its profile. Change an organization's details in the LaMPSS console.",
                    "Les groupes sous le groupe des organismes ne peuvent pas être renommés ni déplacés dans Keycloak : le nom du groupe d'un organisme est son numéro, celui d'un sous-groupe de profil est son profil. Modifiez les renseignements d'un organisme dans la console LaMPSS.");
        }
    }

    /**
     * A profile subgroup maps exactly its profile's role: any other role mapping would reach tokens
     * unchecked. An organization's group names its primary contact, which changes only by a transfer.
     */
    void groupUpdated(GroupModel group) {
        LampssGroups.Kind kind = change.groups.kind(group);
        if (kind == LampssGroups.Kind.ORGANIZATION) {
            requirePrimaryContactKept(group);
        }
        if (kind != LampssGroups.Kind.PROFILE) {
            return;
        }
        RoleModel expected = change.lampss.profilesClient().getRole(group.getName());
        Set<String> mapped = group.getRoleMappingsStream().map(RoleModel::getId).collect(Collectors.toSet());
        if (expected == null || !mapped.equals(Set.of(expected.getId()))) {
            throw profileSubgroup();
        }
    }

    private void requirePrimaryContactKept(GroupModel organization) {
        String recorded = new Memberships(change.lampss).primaryOf(organization.getId())
                .map(MembershipEntity::getUserId).orElse(null);
        if (!Objects.equals(recorded, organization.getFirstAttribute(Organizations.PRIMARY_CONTACT))) {
            throw Refusal.of(
                    "The attribute lampss.primaryContact names the organization's primary contact, who changes only by a transfer: in the LaMPSS console, open the new primary contact and tick Primary contact; leave the attribute as it is. If it was already wrong, POST /lampss/consistency/repair restores it.",
                    "L'attribut lampss.primaryContact désigne la personne-ressource principale de l'organisme, qui ne change que par un transfert : dans la console LaMPSS, ouvrez la fiche de la nouvelle personne-ressource principale et cochez Personne-ressource principale ; laissez l'attribut tel quel. S'il était déjà faux, POST /lampss/consistency/repair le rétablit.");
        }
    }

    /** Profiles are given per organization, through its profile subgroup, never straight onto a user. */
    void roleGranted(RoleModel role) {
        if (isProfileRole(role)) {
            throw Refusal.of(
                    "Profiles are given per organization: give this profile in the LaMPSS console (or add the user, an active contact, to the organization's subgroup named after the profile), not as a role of the user.",
                    "Les profils sont donnés par organisme : donnez ce profil dans la console LaMPSS (ou ajoutez l'utilisateur, contact actif, au sous-groupe de l'organisme qui porte le nom du profil), pas comme rôle de l'utilisateur.");
        }
    }

    void roleRenamedOrRemoved(RoleModel role, String clientId) {
        boolean profilesClient = change.lampss.settings().profilesClient().equals(clientId);
        if (profilesClient || isProfileRole(role)) {
            throw profilesDefinition();
        }
    }

    void clientRemovedOrRenamed(ClientModel client, String previousClientId) {
        String profiles = change.lampss.settings().profilesClient();
        if (profiles.equals(previousClientId) || (client != null && profiles.equals(client.getClientId()))) {
            throw profilesDefinition();
        }
    }

    private boolean isProfileRole(RoleModel role) {
        return role != null && role.isClientRole() && role.getContainer() instanceof ClientModel client
                && change.lampss.settings().profilesClient().equals(client.getClientId());
    }

    private static org.keycloak.services.ErrorResponseException profileSubgroup() {
        return Refusal.of(
                "Profile subgroups are LaMPSS's: each one maps exactly its profile's role and is created and removed by LaMPSS. Give or take profiles in the LaMPSS console, or by adding or removing an active contact here.",
                "Les sous-groupes de profil appartiennent à LaMPSS : chacun porte exactement le rôle de son profil et LaMPSS les crée et les supprime. Donnez ou retirez des profils dans la console LaMPSS, ou en ajoutant ou retirant ici un contact actif.");
    }

    private static org.keycloak.services.ErrorResponseException profilesDefinition() {
        return Refusal.of(
                "The profiles client and its roles are LaMPSS's security profiles, read by every department application: they cannot be renamed or deleted. A new profile is a change to LaMPSS itself.",
                "Le client des profils et ses rôles sont les profils de sécurité de LaMPSS, lus par chaque application du ministère : ils ne peuvent être ni renommés ni supprimés. Un nouveau profil est un changement de LaMPSS lui-même.");
    }
}
