package ca.novascotia.lampss.keycloakadmin;

import ca.novascotia.lampss.contacts.Caller;
import ca.novascotia.lampss.contacts.NotFound;
import ca.novascotia.lampss.contacts.Workspace;
import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.DomainException;
import ca.novascotia.lampss.domain.MembershipState;
import ca.novascotia.lampss.model.ActiveMembers;
import ca.novascotia.lampss.model.AuditTrail;
import ca.novascotia.lampss.model.Consistency.Difference;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.model.LampssRealm;
import ca.novascotia.lampss.model.Memberships;
import ca.novascotia.lampss.model.Organizations;
import ca.novascotia.lampss.store.MembershipEntity;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * The drift repair ({@code POST /consistency/repair}): each difference the drift check lists is
 * settled by the rule docs/identity-admins.md gives the admin change that would have made it, as if
 * that change were made now. Adopted, LaMPSS's records follow through the use cases (a deactivated
 * contact found in the group is reactivated; an active contact missing from it is deactivated).
 * Refused, Keycloak's groups go back to what the records say (a group member who is no active
 * contact leaves the group and its profile subgroups; a primary contact missing from the group
 * returns; the primary-contact attribute names the primary contact again), audited
 * {@code DRIFT_REPAIRED}. A row whose account was deleted unseen ends as a deletion would end it. Every row names the realm administrator and the channel "drift repair".
 */
public final class DriftRepair {

    /** What became of one difference: ADOPTED, REFUSED (groups restored), SETTLED (by an earlier one) or UNRESOLVED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String kind, String organizationId, String userId, String profile, String outcome,
                          String action, String reason) {

        static Outcome of(Difference difference, String outcome, String action) {
            return new Outcome(difference.kind(), difference.organizationId(), difference.userId(), difference.profile(),
                    outcome, action, null);
        }

        static Outcome unresolved(Difference difference, String reason) {
            return new Outcome(difference.kind(), difference.organizationId(), difference.userId(), difference.profile(),
                    "UNRESOLVED", null, reason);
        }
    }

    private final LampssRealm lampss;
    private final Caller caller;
    private final Memberships memberships;
    private final Organizations organizations;
    private final AuditTrail audit;

    /** @param caller a realm administrator, acting with Operations Support's reach (as an identity admin does) */
    public DriftRepair(LampssRealm lampss, Caller caller) {
        this.lampss = lampss;
        this.caller = caller;
        this.memberships = new Memberships(lampss);
        this.organizations = new Organizations(lampss);
        this.audit = new AuditTrail(lampss, caller.auth(), caller.channel());
    }

    /** Settles each difference in order; one the rules cannot settle is reported, and the others still are. */
    public List<Outcome> repair(List<Difference> differences) {
        List<Outcome> outcomes = new ArrayList<>();
        try (Workspace work = new Workspace(lampss, caller)) {
            for (Difference difference : differences) {
                outcomes.add(settle(work, difference));
            }
        }
        return outcomes;
    }

    private Outcome settle(Workspace work, Difference difference) {
        Optional<GroupModel> organization = organizations.findGroup(difference.organizationId());
        if (organization.isPresent() && "PERSON_DELETED".equals(difference.kind())) {
            return personDeleted(difference, organization.get());
        }
        UserModel user = lampss.session().users().getUserById(lampss.realm(), difference.userId());
        if (organization.isEmpty() || user == null) {
            return Outcome.unresolved(difference, "NOT_FOUND");
        }
        Optional<MembershipEntity> row = memberships.find(organization.get().getId(), user.getId());
        try {
            return switch (difference.kind()) {
                case "NOT_ACTIVE_IN_GROUP" -> memberOfGroup(work, difference, organization.get(), user, row);
                case "ACTIVE_NOT_IN_GROUP" -> row.map(found -> missingFromGroup(work, difference, organization.get(), user, found))
                        .orElse(Outcome.of(difference, "SETTLED", null));
                case "PROFILE_NOT_ACTIVE" -> memberOfProfile(difference, organization.get(), user, row);
                default -> primaryContact(difference, organization.get());
            };
        } catch (DomainException refused) {
            return Outcome.unresolved(difference, refused.reason().name());
        } catch (NotFound missing) {
            return Outcome.unresolved(difference, missing.code());
        }
    }

    /** As a user joining the group: a deactivated contact is reactivated; anyone else leaves the group. */
    private Outcome memberOfGroup(Workspace work, Difference difference, GroupModel organization, UserModel user,
                                  Optional<MembershipEntity> row) {
        if (row.isPresent() && isActive(row.get())) {
            return Outcome.of(difference, "SETTLED", null);
        }
        if (row.isPresent() && MembershipState.INACTIVE.name().equals(row.get().getState())) {
            user.leaveGroup(organization); // the use case writes the membership the reactivation gives
            Contact contact = work.contacts().reactivate(organization, user.getId());
            return Outcome.of(difference, "ADOPTED", contact.state() == MembershipState.ACTIVE ? "REACTIVATED" : "INVITED_AGAIN");
        }
        List<String> left = new ArrayList<>();
        organization.getSubGroupsStream().filter(subgroup -> ActiveMembers.isMember(user, subgroup)).toList().forEach(subgroup -> {
            user.leaveGroup(subgroup);
            left.add(subgroup.getName());
        });
        user.leaveGroup(organization);
        restored(difference, organization, user, Map.of("inGroup", true, "profiles", left),
                Map.of("inGroup", false, "profiles", List.of()));
        return Outcome.of(difference, "REFUSED", "REMOVED_FROM_GROUP");
    }

    /** As an active contact leaving the group: deactivated, except the primary contact, who returns to it. */
    private Outcome missingFromGroup(Workspace work, Difference difference, GroupModel organization, UserModel user,
                                     MembershipEntity row) {
        if (!isActive(row) || ActiveMembers.isMember(user, organization)) {
            return Outcome.of(difference, "SETTLED", null);
        }
        if (row.getPrimaryOf() == null) {
            work.contacts().deactivate(organization, user.getId());
            return Outcome.of(difference, "ADOPTED", "DEACTIVATED");
        }
        user.joinGroup(organization); // the group only: a wrong primary-contact attribute is its own difference, audited apart
        restored(difference, organization, user, Map.of("inGroup", false), Map.of("inGroup", true));
        return Outcome.of(difference, "REFUSED", "RETURNED_TO_GROUP");
    }

    /** As a user joining a profile subgroup: only an active contact holds a profile, so anyone else leaves it. */
    private Outcome memberOfProfile(Difference difference, GroupModel organization, UserModel user,
                                    Optional<MembershipEntity> row) {
        Optional<GroupModel> subgroup = organization.getSubGroupsStream(difference.profile(), true, 0, 1).findFirst();
        if ((row.isPresent() && isActive(row.get())) || subgroup.isEmpty() || !ActiveMembers.isMember(user, subgroup.get())) {
            return Outcome.of(difference, "SETTLED", null);
        }
        user.leaveGroup(subgroup.get());
        restored(difference, organization, user, Map.of("profiles", List.of(difference.profile())),
                Map.of("profiles", List.of()));
        return Outcome.of(difference, "REFUSED", "REMOVED_FROM_PROFILE");
    }

    /**
     * The primary contact is whoever LaMPSS's records say (it changes only by a transfer): the group's
     * attribute is written again from the primary row. An organization with no primary row is left
     * for Operations Support, who knows who it should be.
     */
    private Outcome primaryContact(Difference difference, GroupModel organization) {
        Optional<MembershipEntity> primary = memberships.primaryOf(organization.getId());
        if (primary.isEmpty()) {
            return Outcome.unresolved(difference, "NO_PRIMARY_CONTACT");
        }
        String named = organization.getFirstAttribute(Organizations.PRIMARY_CONTACT);
        if (primary.get().getUserId().equals(named)) {
            return Outcome.of(difference, "SETTLED", null);
        }
        new ActiveMembers(lampss).mirror(primary.get());
        UserModel contact = lampss.session().users().getUserById(lampss.realm(), primary.get().getUserId());
        restored(difference, organization, contact, named == null ? Map.of() : Map.of("primaryContact", named),
                Map.of("primaryContact", contact.getId()));
        return Outcome.of(difference, "REFUSED", "PRIMARY_ATTRIBUTE_RESTORED");
    }

    /**
     * As a user deleted: the membership ends, audited {@code CONTACT_REMOVED} (the account is gone, so
     * the entry names the person by id only). A primary contact's row stays until Operations Support
     * transfers the role ({@code PUT …/primary-contact}): the organization must keep one.
     */
    private Outcome personDeleted(Difference difference, GroupModel organization) {
        Optional<MembershipEntity> row = memberships.find(organization.getId(), difference.userId());
        if (row.isEmpty()) {
            return Outcome.of(difference, "SETTLED", null);
        }
        if (row.get().getPrimaryOf() != null) {
            return Outcome.unresolved(difference, "PRIMARY_CONTACT_DELETED");
        }
        Map<String, Object> before = Map.of("userId", difference.userId(), "state", row.get().getState());
        memberships.remove(row.get());
        audit.record(organization.getId(), AccessChange.CONTACT_REMOVED, null, before,
                Map.of("state", "REMOVED", "difference", difference.kind()));
        return Outcome.of(difference, "ADOPTED", "REMOVED");
    }

    /** Audits groups put back as the records have them: before is what Keycloak held, after what it holds now. */
    private void restored(Difference difference, GroupModel organization, UserModel user, Map<String, Object> before,
                          Map<String, Object> after) {
        Map<String, Object> restored = new LinkedHashMap<>(after);
        restored.put("difference", difference.kind());
        audit.record(organization.getId(), AccessChange.DRIFT_REPAIRED, user, before, restored);
    }

    private static boolean isActive(MembershipEntity row) {
        return MembershipState.ACTIVE.name().equals(row.getState());
    }
}
