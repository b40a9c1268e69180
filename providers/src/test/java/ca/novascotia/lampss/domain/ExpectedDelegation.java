package ca.novascotia.lampss.domain;

import static ca.novascotia.lampss.domain.Action.ADD_CONTACT;
import static ca.novascotia.lampss.domain.Action.CHANGE_MODULES;
import static ca.novascotia.lampss.domain.Action.CONFIRM_ACCESS;
import static ca.novascotia.lampss.domain.Action.CREATE_ORGANIZATION;
import static ca.novascotia.lampss.domain.Action.DEACTIVATE;
import static ca.novascotia.lampss.domain.Action.DECIDE_REQUESTS;
import static ca.novascotia.lampss.domain.Action.EXPORT_ACCESS_REVIEW;
import static ca.novascotia.lampss.domain.Action.GRANT_PROFILE;
import static ca.novascotia.lampss.domain.Action.LIST_CONTACTS;
import static ca.novascotia.lampss.domain.Action.LIST_REQUESTS;
import static ca.novascotia.lampss.domain.Action.MANAGE_CAMPAIGNS;
import static ca.novascotia.lampss.domain.Action.MODIFY_CONTACT_DETAILS;
import static ca.novascotia.lampss.domain.Action.REACTIVATE;
import static ca.novascotia.lampss.domain.Action.REQUEST_PROFILE;
import static ca.novascotia.lampss.domain.Action.REVIEW_ACCESS;
import static ca.novascotia.lampss.domain.Action.REVOKE_PROFILE;
import static ca.novascotia.lampss.domain.Action.SEARCH_ORGANIZATIONS;
import static ca.novascotia.lampss.domain.Action.TRANSFER_PRIMARY_CONTACT;
import static ca.novascotia.lampss.domain.Action.UPDATE_ORGANIZATION_INFO;
import static ca.novascotia.lampss.domain.Action.VIEW_AUDIT;
import static ca.novascotia.lampss.domain.Action.VIEW_CONTACT;
import static ca.novascotia.lampss.domain.Action.VIEW_ORGANIZATION;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The delegation table written a second time, by hand, from DOMAIN.md and the guide: role names as
 * literal strings, and the precedence of reasons as documented on {@link DelegationPolicy}. It does
 * not call the policy, so a change to one without the other makes the matrix tests fail.
 */
final class ExpectedDelegation {

    static final List<String> ALL_ROLE_NAMES = List.of(
            "ofa-self-service-full-update", "ofa-administrator", "ofa-user", "ofa-read-only",
            "sr-administrator", "sr-user", "sr-inquiry-only",
            "ecm-administrator", "ecm-case-intake-follow-up", "ecm-inquiry", "ecm-reviewer", "ecm-inquiry-only",
            "ecm-business-associates-update", "ecm-case-manager",
            "pcc-administrator", "pcc-training-program-maintenance", "pcc-admission-enrolment-maintenance",
            "pcc-admissions-enrolments-instructors-maintenance",
            "lm-administrator", "lm-manager", "lm-read-only");

    /** Given by Operations Support alone (the guide's four administrators, and Self-Service). */
    static final Set<String> ONLY_OPERATIONS_SUPPORT = Set.of(
            "ofa-self-service-full-update", "sr-administrator", "ecm-administrator", "pcc-administrator", "lm-administrator");

    /** Holder → what they give and take back. Profiles not listed give nothing. */
    static final Map<String, Set<String>> GIVES = Map.of(
            "ofa-self-service-full-update", Set.of("ofa-administrator", "ofa-user", "ofa-read-only"),
            "ofa-administrator", Set.of("ofa-administrator", "ofa-user", "ofa-read-only"),
            "sr-administrator", Set.of("sr-user", "sr-inquiry-only"),
            "ecm-administrator", Set.of("ecm-case-intake-follow-up", "ecm-inquiry", "ecm-reviewer", "ecm-inquiry-only",
                    "ecm-business-associates-update", "ecm-case-manager"),
            "pcc-administrator", Set.of("pcc-training-program-maintenance", "pcc-admission-enrolment-maintenance",
                    "pcc-admissions-enrolments-instructors-maintenance"),
            "lm-administrator", Set.of("lm-manager", "lm-read-only"));

    private static final Set<String> MANAGE_CONTACTS = Set.of(
            "ofa-self-service-full-update", "ofa-administrator", "ecm-administrator", "pcc-administrator", "lm-administrator");

    /** Action → profiles allowing it in their organization (besides Operations Support). */
    static final Map<Action, Set<String>> DOES = Map.ofEntries(
            Map.entry(UPDATE_ORGANIZATION_INFO, Set.of("ofa-administrator", "sr-administrator", "ecm-administrator", "pcc-administrator")),
            Map.entry(LIST_CONTACTS, Set.of("ofa-self-service-full-update", "ofa-administrator", "sr-administrator",
                    "ecm-administrator", "pcc-administrator", "lm-administrator")),
            Map.entry(VIEW_CONTACT, Set.of("ofa-self-service-full-update", "ofa-administrator", "sr-administrator",
                    "ecm-administrator", "pcc-administrator", "lm-administrator")),
            Map.entry(ADD_CONTACT, MANAGE_CONTACTS),
            Map.entry(MODIFY_CONTACT_DETAILS, MANAGE_CONTACTS),
            Map.entry(DEACTIVATE, MANAGE_CONTACTS),
            Map.entry(REACTIVATE, MANAGE_CONTACTS),
            Map.entry(VIEW_AUDIT, MANAGE_CONTACTS),
            Map.entry(EXPORT_ACCESS_REVIEW, MANAGE_CONTACTS),
            // Asking Operations Support, and reviewing access in a campaign: whoever keeps the organization's access current.
            Map.entry(REQUEST_PROFILE, MANAGE_CONTACTS),
            Map.entry(LIST_REQUESTS, MANAGE_CONTACTS),
            Map.entry(REVIEW_ACCESS, MANAGE_CONTACTS),
            Map.entry(CONFIRM_ACCESS, MANAGE_CONTACTS));

    static final Set<Action> OPERATIONS_SUPPORT_ACTIONS = EnumSet.of(CREATE_ORGANIZATION, SEARCH_ORGANIZATIONS, CHANGE_MODULES,
            DECIDE_REQUESTS, MANAGE_CAMPAIGNS);

    enum TargetKind { NONE, ORGANIZATION, NEW_CONTACT, SELF, OTHER }

    /** The actor: Operations Support, or a member of the "own" organization holding {@code roles}. */
    record ActorSpec(String name, boolean operationsSupport, Set<String> roles, boolean primaryContact) {

        static ActorSpec operationsSupportStaff() {
            return new ActorSpec("Operations Support", true, Set.of(), false);
        }

        static ActorSpec member(Set<String> roles, boolean primaryContact) {
            String name = (roles.isEmpty() ? "member without profile" : String.join("+", roles))
                    + (primaryContact ? " (primary contact)" : "");
            return new ActorSpec(name, false, roles, primaryContact);
        }
    }

    /**
     * One combination. {@code moduleEnabled} says whether the organization has the profile's module;
     * {@code targetState} and {@code targetPrimary} describe the target member, when there is one.
     */
    record Case(ActorSpec actor, Action action, boolean ownOrganization, boolean moduleEnabled,
                TargetKind target, MembershipState targetState, boolean targetPrimary, String profile) {

        @Override
        public String toString() {
            return actor.name() + " | " + action
                    + (profile == null ? "" : " " + profile + (moduleEnabled ? "" : " (module off)"))
                    + " | " + (ownOrganization ? "own org" : "other org")
                    + " | " + target
                    + (targetState == null ? "" : " " + targetState + (targetPrimary ? " primary" : ""))
                    + " => " + expected(this).map(Reason::name).orElse("ALLOWED");
        }
    }

    private ExpectedDelegation() {
    }

    static Optional<Reason> expected(Case c) {
        if (OPERATIONS_SUPPORT_ACTIONS.contains(c.action())) {
            return c.actor().operationsSupport() ? allowed() : denied(Reason.OPERATIONS_SUPPORT_ONLY);
        }
        if (!c.actor().operationsSupport() && !c.ownOrganization()) {
            return denied(Reason.NOT_IN_ORGANIZATION);
        }
        if (c.target() == TargetKind.SELF && (c.action() == GRANT_PROFILE || c.action() == REVOKE_PROFILE || c.action() == REQUEST_PROFILE)) {
            return denied(Reason.OWN_PROFILES);
        }
        if (c.target() == TargetKind.SELF && (c.action() == DEACTIVATE || c.action() == REACTIVATE || c.action() == CONFIRM_ACCESS)) {
            return denied(Reason.OWN_MEMBERSHIP);
        }
        if (!c.actor().operationsSupport()) {
            Optional<Reason> refused = refusedByProfiles(c);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return refusedByState(c);
    }

    private static Optional<Reason> refusedByProfiles(Case c) {
        Set<String> held = c.actor().roles();
        if (c.action() == GRANT_PROFILE || c.action() == REVOKE_PROFILE) {
            if (ONLY_OPERATIONS_SUPPORT.contains(c.profile())) {
                return denied(Reason.OPERATIONS_SUPPORT_ONLY);
            }
            boolean given = held.stream().anyMatch(role -> GIVES.getOrDefault(role, Set.of()).contains(c.profile()));
            return given ? allowed() : denied(Reason.PROFILE_NOT_DELEGABLE);
        }
        if (c.action() == TRANSFER_PRIMARY_CONTACT) {
            return c.actor().primaryContact() ? allowed() : denied(Reason.NOT_PRIMARY_CONTACT);
        }
        if (c.action() == VIEW_ORGANIZATION) {
            return allowed();
        }
        boolean does = held.stream().anyMatch(DOES.get(c.action())::contains);
        return does ? allowed() : denied(Reason.ACTION_NOT_PERMITTED);
    }

    private static Optional<Reason> refusedByState(Case c) {
        MembershipState state = c.targetState();
        switch (c.action()) {
            case GRANT_PROFILE:
                if (!c.moduleEnabled() && !c.profile().startsWith("ofa-")) {
                    return denied(Reason.MODULE_NOT_ENABLED);
                }
                return state == MembershipState.INACTIVE ? denied(Reason.TARGET_INACTIVE) : allowed();
            case DEACTIVATE:
                if (c.targetPrimary()) {
                    return denied(Reason.PRIMARY_CONTACT_CANNOT_BE_DEACTIVATED);
                }
                return state == MembershipState.INACTIVE ? denied(Reason.INVALID_STATE_TRANSITION) : allowed();
            case REACTIVATE:
                return state == MembershipState.INACTIVE ? allowed() : denied(Reason.INVALID_STATE_TRANSITION);
            case REQUEST_PROFILE:
                // Only the five profiles Operations Support alone gives are asked for, for an active person.
                if (!ONLY_OPERATIONS_SUPPORT.contains(c.profile())) {
                    return denied(Reason.PROFILE_NOT_REQUESTABLE);
                }
                if (!c.moduleEnabled() && !c.profile().startsWith("ofa-")) {
                    return denied(Reason.MODULE_NOT_ENABLED);
                }
                return state == MembershipState.ACTIVE ? allowed() : denied(Reason.TARGET_NOT_ACTIVE);
            case TRANSFER_PRIMARY_CONTACT:
                if (c.targetPrimary()) {
                    return denied(Reason.ALREADY_PRIMARY_CONTACT);
                }
                return state == MembershipState.ACTIVE ? allowed() : denied(Reason.TARGET_NOT_ACTIVE);
            default:
                return allowed();
        }
    }

    private static Optional<Reason> allowed() {
        return Optional.empty();
    }

    private static Optional<Reason> denied(Reason reason) {
        return Optional.of(reason);
    }
}
