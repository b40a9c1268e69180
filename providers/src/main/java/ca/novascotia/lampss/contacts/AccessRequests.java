package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.domain.AccessChange;
import ca.novascotia.lampss.domain.AccessRequest;
import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.SecurityProfile;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.model.Contact;
import ca.novascotia.lampss.store.AccessRequestEntity;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * Requests for the profiles only Operations Support gives: a contact manager asks for a contact of
 * their organization, Operations Support approves (the profile is given by {@link Contacts#update},
 * as any grant) or refuses, and the asker and the person are told. Every step is audited.
 */
public final class AccessRequests {

    private final Workspace work;

    AccessRequests(Workspace work) {
        this.work = work;
    }

    public AccessRequestEntity ask(GroupModel group, String userId, SecurityProfile profile, String reason) {
        Contacts.Loaded contact = work.contacts().load(group, userId);
        work.require(Action.REQUEST_PROFILE, Target.of(contact.organization(), contact.member(), profile));
        AccessRequest.requireNew(profile, contact.view().profiles(), work.requests.openExists(group.getId(), userId, profile));
        AccessRequestEntity row = work.requests.add(group.getId(), userId, profile, AccessRequest.reason(reason), work.caller.id());
        work.audit.record(group.getId(), AccessChange.REQUEST_MADE, contact.person(), null, snapshot(row));
        return work.done(row);
    }

    /** Gives the profile asked for, through the delegation table as any grant, and closes the request. */
    public AccessRequestEntity approve(String requestId, String decision) {
        work.require(Action.DECIDE_REQUESTS, Target.none());
        AccessRequestEntity row = open(requestId);
        String text = AccessRequest.decision(decision, false);
        GroupModel group = groupOf(row);
        SecurityProfile profile = SecurityProfile.fromRoleName(row.getProfile());
        Contact before = work.find(group.getId(), row.getUserId());
        Set<SecurityProfile> after = EnumSet.noneOf(SecurityProfile.class);
        after.addAll(before.profiles());
        after.add(profile);
        work.contacts().update(group, row.getUserId(), ca.novascotia.lampss.model.People.details(person(row)), after, null);
        return decided(row, AccessRequest.State.APPROVED, AccessChange.REQUEST_APPROVED, text);
    }

    public AccessRequestEntity refuse(String requestId, String decision) {
        work.require(Action.DECIDE_REQUESTS, Target.none());
        AccessRequestEntity row = open(requestId);
        return decided(row, AccessRequest.State.REFUSED, AccessChange.REQUEST_REFUSED, AccessRequest.decision(decision, true));
    }

    /** The person was deactivated in the organization: their open requests there end, undecided. */
    void closeFor(GroupModel group, UserModel person) {
        for (AccessRequestEntity row : work.requests.openFor(group.getId(), person.getId())) {
            Map<String, Object> before = snapshot(row);
            work.requests.end(row, AccessRequest.State.CLOSED, work.caller.id(), null);
            work.audit.record(group.getId(), AccessChange.REQUEST_CLOSED, person, before, snapshot(row));
        }
    }

    private AccessRequestEntity open(String requestId) {
        AccessRequestEntity row = work.requests.find(requestId).orElseThrow(() -> new NotFound("REQUEST_NOT_FOUND"));
        new AccessRequest(row.getId(), AccessRequest.State.valueOf(row.getState())).requireOpen();
        return row;
    }

    private AccessRequestEntity decided(AccessRequestEntity row, AccessRequest.State state, AccessChange change, String decision) {
        Map<String, Object> before = snapshot(row);
        work.requests.end(row, state, work.caller.id(), decision);
        UserModel person = person(row);
        work.audit.record(row.getOrganizationId(), change, person, before, snapshot(row));
        GroupModel group = groupOf(row);
        UserModel asker = work.people.byId(row.getAskedBy()).orElse(null);
        work.outbox.add(() -> work.emails.sendRequestDecided(group, row, person, asker, work.caller.user()));
        return work.done(row);
    }

    private GroupModel groupOf(AccessRequestEntity row) {
        return work.organizations.findGroup(row.getOrganizationId()).orElseThrow(() -> new NotFound("REQUEST_NOT_FOUND"));
    }

    private UserModel person(AccessRequestEntity row) {
        return work.people.byId(row.getUserId()).orElseThrow(() -> new NotFound("REQUEST_NOT_FOUND"));
    }

    /** What the audit trail keeps of a request. */
    static Map<String, Object> snapshot(AccessRequestEntity row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("request", row.getId());
        json.put("profile", row.getProfile());
        json.put("state", row.getState());
        json.put("reason", row.getReason());
        if (row.getDecision() != null) {
            json.put("decision", row.getDecision());
        }
        return json;
    }
}
