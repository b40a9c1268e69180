package ca.novascotia.lampss.contacts;

import java.util.ArrayList;
import java.util.List;

/**
 * Emails wait here until every row of a change is written and audited, then go out: a refusal
 * raised while writing sends nothing, and a mail server that refuses one still fails the change
 * (the transaction is not committed yet), so nobody is left invited without an invitation.
 */
final class Outbox {

    private final List<Runnable> pending = new ArrayList<>();

    void add(Runnable email) {
        pending.add(email);
    }

    void send() {
        List<Runnable> emails = List.copyOf(pending);
        pending.clear();
        emails.forEach(Runnable::run);
    }
}
