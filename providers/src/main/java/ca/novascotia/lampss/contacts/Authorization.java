package ca.novascotia.lampss.contacts;

import ca.novascotia.lampss.domain.Action;
import ca.novascotia.lampss.domain.Actor;
import ca.novascotia.lampss.domain.DelegationPolicy;
import ca.novascotia.lampss.domain.DomainException;
import ca.novascotia.lampss.domain.Target;
import ca.novascotia.lampss.metrics.LampssMetrics;

/** Asks the delegation table, and counts each refusal on the metrics endpoint. */
public final class Authorization {

    private static final DelegationPolicy POLICY = new DelegationPolicy();

    private Authorization() {
    }

    /** @throws DomainException with the policy's reason when it refuses */
    public static void require(String realmName, Actor actor, Action action, Target target) {
        POLICY.decide(actor, action, target).reason().ifPresent(reason -> {
            LampssMetrics.delegationRefused(realmName, action.name(), reason.name());
            throw new DomainException(reason, actor.userId() + " may not " + action);
        });
    }

    public static DelegationPolicy policy() {
        return POLICY;
    }
}
