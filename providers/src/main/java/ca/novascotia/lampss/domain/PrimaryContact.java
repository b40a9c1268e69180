package ca.novascotia.lampss.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The primary contact rules of the guide ("Principale personne-ressource"):
 * <ul>
 *   <li>"Il ne peut y avoir qu’une seule principale personne-ressource": exactly one per
 *       organization that has contacts;</li>
 *   <li>the primary contact (or Operations Support) transfers the role to another active user of the
 *       same organization;</li>
 *   <li>when Operations Support grants an organization access, its primary contact receives
 *       Self-Service with Full Update, and PCC Administrator for a college;</li>
 *   <li>the primary contact cannot be deactivated before a transfer ({@link Membership#deactivate()}).</li>
 * </ul>
 * Methods take the organization's memberships as loaded by the model layer; the database keeps the
 * rule under concurrency (one primary row per organization), these methods keep it in each change.
 */
public final class PrimaryContact {

    private PrimaryContact() {
    }

    /**
     * What the primary contact receives when Operations Support grants the organization access. The
     * guide: "la principale personne-ressource se verra attribuer le profil-sécurité « Libre-service
     * avec privilège de mise à jour complète »", and for a college « Administrateur de CPEP ».
     */
    public static Set<SecurityProfile> profilesOnAccessGranted(Organization organization) {
        EnumSet<SecurityProfile> profiles = EnumSet.of(SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE);
        if (organization.hasModule(Module.PRIVATE_CAREER_COLLEGES)) {
            profiles.add(SecurityProfile.PCC_ADMINISTRATOR);
        }
        return Set.copyOf(profiles);
    }

    /**
     * A person added to the organization, invited. The first contact of an organization becomes its
     * primary contact: an organization with contacts must have one, and only Operations Support can
     * add that first contact (nobody else is a member yet), which is it granting the access.
     *
     * @throws DomainException {@link Reason#ALREADY_A_CONTACT} if the person is already a contact
     */
    public static Membership newContact(Organization organization, Collection<Membership> existing, String userId) {
        requireSameOrganization(organization.id(), existing);
        if (existing.stream().anyMatch(membership -> membership.userId().equals(userId))) {
            throw new DomainException(Reason.ALREADY_A_CONTACT,
                    userId + " is already a contact of " + organization.id());
        }
        Membership invited = Membership.invited(organization.id(), userId);
        return existing.isEmpty() ? invited.withPrimaryContact(true) : invited;
    }

    /** The primary contact, empty only when the organization has no contacts. */
    public static Optional<Membership> find(String organizationId, Collection<Membership> memberships) {
        requireExactlyOne(organizationId, memberships);
        return memberships.stream().filter(Membership::primaryContact).findFirst();
    }

    /** @throws DomainException {@link Reason#NO_PRIMARY_CONTACT} or {@link Reason#SEVERAL_PRIMARY_CONTACTS} */
    public static void requireExactlyOne(String organizationId, Collection<Membership> memberships) {
        requireSameOrganization(organizationId, memberships);
        long primaries = memberships.stream().filter(Membership::primaryContact).count();
        if (!memberships.isEmpty() && primaries == 0) {
            throw new DomainException(Reason.NO_PRIMARY_CONTACT, organizationId + " has contacts but no primary contact");
        }
        if (primaries > 1) {
            throw new DomainException(Reason.SEVERAL_PRIMARY_CONTACTS, organizationId + " has " + primaries + " primary contacts");
        }
    }

    /**
     * Moves the role to {@code successorUserId}. Who may ask is {@link DelegationPolicy}'s decision;
     * this checks the organization's state, in the same order as the policy reports it.
     *
     * @throws DomainException {@link Reason#TARGET_NOT_IN_ORGANIZATION}, {@link Reason#ALREADY_PRIMARY_CONTACT}
     *                         or {@link Reason#TARGET_NOT_ACTIVE}
     */
    public static Transfer transfer(String organizationId, Collection<Membership> memberships, String successorUserId) {
        Membership current = find(organizationId, memberships).orElseThrow(() -> new DomainException(
                Reason.TARGET_NOT_IN_ORGANIZATION, organizationId + " has no contacts"));
        Membership successor = memberships.stream()
                .filter(membership -> membership.userId().equals(successorUserId))
                .findFirst()
                .orElseThrow(() -> new DomainException(Reason.TARGET_NOT_IN_ORGANIZATION,
                        successorUserId + " is not a contact of " + organizationId));
        if (successor.primaryContact()) {
            throw new DomainException(Reason.ALREADY_PRIMARY_CONTACT, successorUserId + " is already the primary contact");
        }
        if (!successor.isActive()) {
            throw new DomainException(Reason.TARGET_NOT_ACTIVE,
                    "the primary contact role goes only to an active user; " + successorUserId + " is " + successor.state());
        }
        return new Transfer(current.withPrimaryContact(false), successor.withPrimaryContact(true));
    }

    /** The two memberships a transfer changes; store both or neither. */
    public record Transfer(Membership former, Membership successor) {

        public List<Membership> changed() {
            return List.of(former, successor);
        }
    }

    private static void requireSameOrganization(String organizationId, Collection<Membership> memberships) {
        for (Membership membership : memberships) {
            if (!membership.belongsTo(organizationId)) {
                throw new IllegalArgumentException(membership + " is not a membership of " + organizationId);
            }
        }
    }
}
