package ca.novascotia.lampss.domain;

import static ca.novascotia.lampss.domain.SecurityProfile.ECM_ADMINISTRATOR;
import static ca.novascotia.lampss.domain.SecurityProfile.ECM_BUSINESS_ASSOCIATES_UPDATE;
import static ca.novascotia.lampss.domain.SecurityProfile.ECM_CASE_INTAKE_FOLLOW_UP;
import static ca.novascotia.lampss.domain.SecurityProfile.ECM_CASE_MANAGER;
import static ca.novascotia.lampss.domain.SecurityProfile.ECM_INQUIRY;
import static ca.novascotia.lampss.domain.SecurityProfile.ECM_INQUIRY_ONLY;
import static ca.novascotia.lampss.domain.SecurityProfile.ECM_REVIEWER;
import static ca.novascotia.lampss.domain.SecurityProfile.LM_ADMINISTRATOR;
import static ca.novascotia.lampss.domain.SecurityProfile.LM_MANAGER;
import static ca.novascotia.lampss.domain.SecurityProfile.LM_READ_ONLY;
import static ca.novascotia.lampss.domain.SecurityProfile.OFA_ADMINISTRATOR;
import static ca.novascotia.lampss.domain.SecurityProfile.OFA_READ_ONLY;
import static ca.novascotia.lampss.domain.SecurityProfile.OFA_SELF_SERVICE_FULL_UPDATE;
import static ca.novascotia.lampss.domain.SecurityProfile.OFA_USER;
import static ca.novascotia.lampss.domain.SecurityProfile.PCC_ADMINISTRATOR;
import static ca.novascotia.lampss.domain.SecurityProfile.PCC_ADMISSIONS_ENROLMENTS_INSTRUCTORS_MAINTENANCE;
import static ca.novascotia.lampss.domain.SecurityProfile.PCC_ADMISSION_ENROLMENT_MAINTENANCE;
import static ca.novascotia.lampss.domain.SecurityProfile.PCC_TRAINING_PROGRAM_MAINTENANCE;
import static ca.novascotia.lampss.domain.SecurityProfile.SR_ADMINISTRATOR;
import static ca.novascotia.lampss.domain.SecurityProfile.SR_INQUIRY_ONLY;
import static ca.novascotia.lampss.domain.SecurityProfile.SR_USER;

import ca.novascotia.lampss.domain.MembershipState.Transition;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what, in which organization: the one authorization decision of the extension, asked
 * once per request.
 *
 * <h2>The table</h2>
 * Operations Support may do everything, in every organization. Everyone else acts only in an
 * organization where they are an active member, with the union of the profiles they hold there:
 * <pre>
 * holder of                 gives and takes back                         may also
 * ------------------------  -------------------------------------------  -------------------------------------
 * Self-Service Full Update  OFA Administrator, OFA User, OFA Read only   manage contacts¹, audit²
 * OFA Administrator         OFA Administrator, OFA User, OFA Read only   manage contacts¹, audit², update org info
 * SR Administrator          SR User, SR Inquiry only                     list and view contacts, update org info
 * ECM Administrator         the six other ECM profiles                   manage contacts¹, audit², update org info
 * PCC Administrator         the three other PCC profiles                 manage contacts¹, audit², update org info
 * LM Administrator          LM Manager, LM Read only                     manage contacts¹, audit²
 * any other profile, none   nothing                                      view the organization (every member)
 * the primary contact       -                                            transfer the primary contact role
 * contact managers¹         -                                            ask Operations Support for one of the
 *                                                                        five profiles below (requests), review
 *                                                                        and sign off a recertification campaign
 * Operations Support        every profile, including the five below      everything, and create organizations,
 *                                                                        search them, change their modules,
 *                                                                        decide requests, manage campaigns
 *
 * Operations Support alone gives: Self-Service Full Update, SR, ECM, PCC and LM Administrator.
 * ¹ list, view, add, modify details, deactivate, reactivate.   ² view the audit trail, export the access review.
 * </pre>
 * Where it comes from (the guide, which DOMAIN.md restates):
 * <ul>
 *   <li>Funding Agreement: the administrator "peut mettre à jour les renseignements sur l’organisme,
 *       ajouter, modifier et désactiver les utilisateurs"; Self-Service "pourra ajouter, modifier,
 *       désactiver des utilisateurs" (users only, so not organization info).</li>
 *   <li>SR, ECM and LM administrators: "Seul le Soutien aux opérations du LaMPSS peut assigner" them.
 *       PCC Administrator is given by Operations Support when it processes a college's access
 *       request, and DOMAIN.md counts it among the four Operations Support profiles.</li>
 *   <li>SR Administrator "ajouter et mettre à jour les coordonnées de l’organisme" (the organization's
 *       own contact information, hence "update org info") and gives SR profiles to "utilisateurs
 *       nouveaux ou actuels de l’Entente de financement" – users someone else added, so it does not
 *       add, modify or deactivate contacts, but it lists them to find whom to give profiles.</li>
 *   <li>ECM, PCC and LM administrators each "incombe de veiller à ce que l’accès des utilisateurs de
 *       votre organisme soit toujours à jour", and the guide lets them add contacts; keeping access
 *       current includes deactivating, hence "manage contacts" and the audit for all three. ECM
 *       ("mises à jour pour le profil de l’organisme") and PCC ("gestion des détails de l’organisme")
 *       update organization info; LM's text only speaks of contacts.</li>
 *   <li>Contact management is not limited by the target's profiles: the organization "est
 *       responsable de veiller à ce que ses utilisateurs remplissent les conditions de sécurité à tout
 *       moment", so any of its contact managers can cut the access of someone who left, even one
 *       holding a profile only Operations Support gives. Giving and taking back profiles is limited.</li>
 * </ul>
 *
 * <h2>Self-Service with Full Update is Operations Support's alone</h2>
 * DOMAIN.md says Funding-Agreement administrators "manage ... Funding-Agreement profiles", which
 * could include Self-Service. The guide, which wins, does not: the profile appears only as what
 * Operations Support gives the primary contact ("Une fois que le Soutien aux opérations du LaMPSS
 * aura traité votre demande d’accès ... la principale personne-ressource se verra attribuer le
 * profil-sécurité « Libre-service avec privilège de mise à jour complète »"), and the choice offered
 * when an organization adds a user is exactly three profiles: "Le LaMPSS offre aux utilisateurs trois
 * types de profils d’accès « Entente de financement d’organisme »" – Administrator, User, Read only.
 * So neither an OFA Administrator nor a Self-Service holder may give or take back Self-Service.
 *
 * <h2>Rules everyone is bound by, Operations Support included</h2>
 * Nobody gives or takes back their own profiles ({@link Reason#OWN_PROFILES}) nor deactivates or
 * reactivates themselves ({@link Reason#OWN_MEMBERSHIP}); a profile of a module the organization lacks
 * cannot be given ({@link Reason#MODULE_NOT_ENABLED}, while taking one back is always possible); an
 * inactive person gets no new profile ({@link Reason#TARGET_INACTIVE}); the primary contact cannot be
 * deactivated ({@link Reason#PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED}); the role goes only to another
 * ({@link Reason#ALREADY_PRIMARY_CONTACT}) active ({@link Reason#TARGET_NOT_ACTIVE}) member; state
 * changes follow {@link Transition} ({@link Reason#INVALID_STATE_TRANSITION}).
 *
 * <h2>Which reason is reported</h2>
 * When several apply, the first of: the action is Operations Support's
 * ({@link Reason#OPERATIONS_SUPPORT_ONLY}); the actor is not an active member of the organization
 * ({@link Reason#NOT_IN_ORGANIZATION}); the target is the actor ({@code OWN_*}); the actor's profiles
 * do not allow it ({@link Reason#OPERATIONS_SUPPORT_ONLY} for the five profiles above,
 * {@link Reason#PROFILE_NOT_DELEGABLE}, {@link Reason#NOT_PRIMARY_CONTACT},
 * {@link Reason#ACTION_NOT_PERMITTED}); the state of the organization or target (in the order listed
 * in the previous paragraph). So people are told what they may not do before what cannot be done.
 */
public final class DelegationPolicy {

    private static final Set<SecurityProfile> FUNDING_AGREEMENT_PROFILES_FOR_ORGANIZATIONS =
            EnumSet.of(OFA_ADMINISTRATOR, OFA_USER, OFA_READ_ONLY);

    /** Besides Operations Support, who gives and takes back which profile. */
    private static final Map<SecurityProfile, Set<SecurityProfile>> MAY_GRANT = Map.of(
            OFA_SELF_SERVICE_FULL_UPDATE, FUNDING_AGREEMENT_PROFILES_FOR_ORGANIZATIONS,
            OFA_ADMINISTRATOR, FUNDING_AGREEMENT_PROFILES_FOR_ORGANIZATIONS,
            SR_ADMINISTRATOR, EnumSet.of(SR_USER, SR_INQUIRY_ONLY),
            ECM_ADMINISTRATOR, EnumSet.of(ECM_CASE_INTAKE_FOLLOW_UP, ECM_INQUIRY, ECM_REVIEWER,
                    ECM_INQUIRY_ONLY, ECM_BUSINESS_ASSOCIATES_UPDATE, ECM_CASE_MANAGER),
            PCC_ADMINISTRATOR, EnumSet.of(PCC_TRAINING_PROGRAM_MAINTENANCE, PCC_ADMISSION_ENROLMENT_MAINTENANCE,
                    PCC_ADMISSIONS_ENROLMENTS_INSTRUCTORS_MAINTENANCE),
            LM_ADMINISTRATOR, EnumSet.of(LM_MANAGER, LM_READ_ONLY));

    /** Those who keep the organization's user access current: add, modify, deactivate, audit. */
    private static final Set<SecurityProfile> CONTACT_MANAGERS = EnumSet.of(
            OFA_SELF_SERVICE_FULL_UPDATE, OFA_ADMINISTRATOR, ECM_ADMINISTRATOR, PCC_ADMINISTRATOR, LM_ADMINISTRATOR);

    /** Contact managers, and the SR administrator who must find the users to give SR profiles to. */
    private static final Set<SecurityProfile> CONTACT_READERS = union(CONTACT_MANAGERS, SR_ADMINISTRATOR);

    private static final Set<SecurityProfile> ORGANIZATION_EDITORS = EnumSet.of(
            OFA_ADMINISTRATOR, SR_ADMINISTRATOR, ECM_ADMINISTRATOR, PCC_ADMINISTRATOR);

    /**
     * Besides Operations Support, who does each organization action other than giving profiles,
     * viewing the organization (every member) and transferring the primary contact role (its holder).
     */
    private static final Map<Action, Set<SecurityProfile>> MAY_DO = mayDo();

    private static Map<Action, Set<SecurityProfile>> mayDo() {
        Map<Action, Set<SecurityProfile>> table = new EnumMap<>(Action.class);
        table.put(Action.UPDATE_ORGANIZATION_INFO, ORGANIZATION_EDITORS);
        table.put(Action.LIST_CONTACTS, CONTACT_READERS);
        table.put(Action.VIEW_CONTACT, CONTACT_READERS);
        table.put(Action.ADD_CONTACT, CONTACT_MANAGERS);
        table.put(Action.MODIFY_CONTACT_DETAILS, CONTACT_MANAGERS);
        table.put(Action.DEACTIVATE, CONTACT_MANAGERS);
        table.put(Action.REACTIVATE, CONTACT_MANAGERS);
        table.put(Action.VIEW_AUDIT, CONTACT_MANAGERS);
        table.put(Action.EXPORT_ACCESS_REVIEW, CONTACT_MANAGERS);
        table.put(Action.REQUEST_PROFILE, CONTACT_MANAGERS);
        table.put(Action.LIST_REQUESTS, CONTACT_MANAGERS);
        table.put(Action.REVIEW_ACCESS, CONTACT_MANAGERS);
        table.put(Action.CONFIRM_ACCESS, CONTACT_MANAGERS);
        return table;
    }

    public Decision decide(Actor actor, Action action, Target target) {
        target.requireSuitedTo(action);
        if (action.isOperationsSupportOnly()) {
            return actor.isOperationsSupport() ? Decision.allow() : Decision.deny(Reason.OPERATIONS_SUPPORT_ONLY);
        }
        if (!actor.isOperationsSupport() && !actor.isMemberOf(target.organization().id())) {
            return Decision.deny(Reason.NOT_IN_ORGANIZATION);
        }
        return selfRule(actor, action, target)
                .or(() -> permission(actor, action, target))
                .or(() -> stateRule(action, target))
                .map(Decision::deny)
                .orElse(Decision.allow());
    }

    /** The profiles the actor may give in this organization, e.g. to offer in the "add contact" form. */
    public Set<SecurityProfile> grantableProfiles(Actor actor, Organization organization) {
        return Arrays.stream(SecurityProfile.values())
                .filter(profile -> decide(actor, Action.GRANT_PROFILE, Target.newContact(organization, profile)).isAllowed())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SecurityProfile.class)));
    }

    /** "Nobody changes their own profiles", Operations Support included. */
    private static Optional<Reason> selfRule(Actor actor, Action action, Target target) {
        if (!actor.isSelf(target.member())) {
            return Optional.empty();
        }
        return switch (action) {
            case GRANT_PROFILE, REVOKE_PROFILE, REQUEST_PROFILE -> Optional.of(Reason.OWN_PROFILES);
            case DEACTIVATE, REACTIVATE, CONFIRM_ACCESS -> Optional.of(Reason.OWN_MEMBERSHIP);
            default -> Optional.empty();
        };
    }

    /** The table: whether the actor's profiles in the organization allow the action. */
    private static Optional<Reason> permission(Actor actor, Action action, Target target) {
        if (actor.isOperationsSupport()) {
            return Optional.empty();
        }
        String organizationId = target.organization().id();
        Set<SecurityProfile> held = actor.profilesIn(organizationId);
        return switch (action) {
            case VIEW_ORGANIZATION -> Optional.empty(); // every active member, even one without a profile
            case GRANT_PROFILE, REVOKE_PROFILE -> mayGrant(held, target.profile());
            case TRANSFER_PRIMARY_CONTACT -> actor.isPrimaryContactOf(organizationId)
                    ? Optional.empty() : Optional.of(Reason.NOT_PRIMARY_CONTACT);
            default -> holdsAny(held, MAY_DO.getOrDefault(action, Set.of()))
                    ? Optional.empty() : Optional.of(Reason.ACTION_NOT_PERMITTED);
        };
    }

    private static Optional<Reason> mayGrant(Set<SecurityProfile> held, SecurityProfile profile) {
        if (profile.grantedOnlyByOperationsSupport()) {
            return Optional.of(Reason.OPERATIONS_SUPPORT_ONLY);
        }
        boolean delegated = held.stream().anyMatch(holder -> MAY_GRANT.getOrDefault(holder, Set.of()).contains(profile));
        return delegated ? Optional.empty() : Optional.of(Reason.PROFILE_NOT_DELEGABLE);
    }

    /** What the state of the organization and target forbids, whoever asks. */
    private static Optional<Reason> stateRule(Action action, Target target) {
        Membership member = target.member();
        return switch (action) {
            case GRANT_PROFILE -> grantState(target);
            case REQUEST_PROFILE -> requestState(target);
            case DEACTIVATE -> member.primaryContact()
                    ? Optional.of(Reason.PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED) : transition(member, Transition.DEACTIVATE);
            case REACTIVATE -> transition(member, Transition.REACTIVATE);
            case TRANSFER_PRIMARY_CONTACT -> transferState(member);
            default -> Optional.empty();
        };
    }

    private static Optional<Reason> grantState(Target target) {
        if (!target.organization().offers(target.profile())) {
            return Optional.of(Reason.MODULE_NOT_ENABLED);
        }
        if (target.member() != null && !target.member().state().canReceiveProfiles()) {
            return Optional.of(Reason.TARGET_INACTIVE);
        }
        return Optional.empty();
    }

    /** Only the profiles Operations Support alone gives are asked for; the rest are given in the organization. */
    private static Optional<Reason> requestState(Target target) {
        if (!target.profile().grantedOnlyByOperationsSupport()) {
            return Optional.of(Reason.PROFILE_NOT_REQUESTABLE);
        }
        if (!target.organization().offers(target.profile())) {
            return Optional.of(Reason.MODULE_NOT_ENABLED);
        }
        return target.member().isActive() ? Optional.empty() : Optional.of(Reason.TARGET_NOT_ACTIVE);
    }

    private static Optional<Reason> transferState(Membership successor) {
        if (successor.primaryContact()) {
            return Optional.of(Reason.ALREADY_PRIMARY_CONTACT);
        }
        return successor.isActive() ? Optional.empty() : Optional.of(Reason.TARGET_NOT_ACTIVE);
    }

    private static Optional<Reason> transition(Membership member, Transition transition) {
        return member.state().allows(transition) ? Optional.empty() : Optional.of(Reason.INVALID_STATE_TRANSITION);
    }

    private static boolean holdsAny(Set<SecurityProfile> held, Set<SecurityProfile> allowed) {
        return held.stream().anyMatch(allowed::contains);
    }

    private static Set<SecurityProfile> union(Set<SecurityProfile> profiles, SecurityProfile extra) {
        EnumSet<SecurityProfile> result = EnumSet.copyOf(profiles);
        result.add(extra);
        return result;
    }
}
