package ca.novascotia.lampss.it.cluster;

import static ca.novascotia.lampss.it.api.Fixture.path;

import ca.novascotia.lampss.it.api.Fixture;
import ca.novascotia.lampss.it.api.LampssApi;
import ca.novascotia.lampss.it.postgres.Postgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded stream of contact creations and edits sent to both nodes, node A killed (SIGKILL) once
 * 30% of it is sent, and then the check that every acknowledged write is there, whole, and that
 * nothing is half-written: a contact is its user, membership row, invitation and CONTACT_ADDED audit
 * row, all or none; an edit is a name, its profiles (group memberships) and a CONTACT_UPDATED row.
 */
final class FaultRun {

    static final int WORKERS_PER_NODE = 2;
    static final int OPERATIONS_PER_WORKER = 50;
    private static final double KILL_AFTER = 0.3;

    /** One request of the stream: a creation (index even) or an edit of the worker's own member. */
    record Outcome(int worker, String node, int index, String email, long sentAt, long doneAt, int status, String error) {
        boolean creation() {
            return index % 2 == 0;
        }

        boolean acknowledged() {
            return status == (creation() ? 201 : 200);
        }
    }

    record Report(int sent, int acked, int errors, int errorsOnB, int ackedOnBAfterKill, long recoveryMillis,
                  long slowestOnBAfterKillMillis, int checks, List<String> violations) {
        String line() {
            return String.format("FAULT sent=%d acked=%d errors=%d errors_on_b=%d acked_on_b_after_kill=%d recovery_ms=%d"
                            + " slowest_b_after_kill_ms=%d invariant_checks=%d violations=%d",
                    sent, acked, errors, errorsOnB, ackedOnBAfterKill, recoveryMillis, slowestOnBAfterKillMillis, checks, violations.size());
        }
    }

    private final TwoNodes cluster;
    private final Fixture fixture;
    private final LampssApi onA;
    private final LampssApi onB;
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private final List<String> violations = new ArrayList<>();
    private volatile long killedAt;
    private int checks;
    private String org;
    private final List<Fixture.Member> members = new ArrayList<>();

    FaultRun(TwoNodes cluster, Fixture fixture, LampssApi onA, LampssApi onB) {
        this.cluster = cluster;
        this.fixture = fixture;
        this.onA = onA;
        this.onB = onB;
    }

    Report run() throws Exception {
        org = fixture.organization();
        // The first contact becomes the primary contact (who holds more profiles); the members edited are others.
        fixture.addContact(org, Fixture.unique("primary") + "@example.ca");
        for (int worker = 0; worker < 2 * WORKERS_PER_NODE; worker++) {
            members.add(fixture.activeMember(org, "ofa-user"));
        }
        Fixture.Member probe = fixture.activeMember(org, "ofa-user");
        ExecutorService pool = Executors.newFixedThreadPool(2 * WORKERS_PER_NODE + 1);
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 2 * WORKERS_PER_NODE; worker++) {
            int w = worker;
            workers.add(pool.submit(() -> work(w)));
        }
        Future<Long> recovery = pool.submit(() -> recoveryOnB(probe));
        for (Future<?> worker : workers) {
            worker.get(10, TimeUnit.MINUTES);
        }
        long recoveryMillis = recovery.get(10, TimeUnit.MINUTES);
        pool.shutdown();
        checkEverything();
        return report(recoveryMillis);
    }

    private void work(int worker) {
        boolean toA = worker < WORKERS_PER_NODE;
        LampssApi api = toA ? onA : onB;
        Fixture.Member member = members.get(worker);
        int killAt = (int) (2 * WORKERS_PER_NODE * OPERATIONS_PER_WORKER * KILL_AFTER);
        for (int index = 0; index < OPERATIONS_PER_WORKER; index++) {
            if (sent.incrementAndGet() == killAt) {
                cluster.a.kill();
                killedAt = System.nanoTime();
            }
            String email = index % 2 == 0 ? "fault-" + worker + "-" + index + "-" + System.nanoTime() % 100000 + "@example.ca" : member.email();
            long sentAt = System.nanoTime();
            try {
                LampssApi.Reply reply = index % 2 == 0
                        ? api.post("/organizations/" + org + "/contacts", Map.of("firstName", "Fault", "lastName", "W" + worker,
                                "email", email, "profiles", List.of("ofa-user")))
                        : api.put(path(org, member.userId()), Map.of("firstName", "edit-" + index, "lastName", "Last " + email,
                                "email", email, "profiles", profilesOfEdit(index)));
                outcomes.add(new Outcome(worker, toA ? "A" : "B", index, email, sentAt, System.nanoTime(), reply.status(),
                        reply.status() >= 300 ? reply.body() : null));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(worker, toA ? "A" : "B", index, email, sentAt, System.nanoTime(), -1, e.getMessage()));
            }
        }
    }

    /** Edits alternate between giving Read only and taking it back; name and profiles change in one call. */
    static List<String> profilesOfEdit(int index) {
        return (index / 2) % 2 == 0 ? List.of("ofa-read-only", "ofa-user") : List.of("ofa-user");
    }

    /** Once A is killed, writes to node B until one is acknowledged: how long B took to serve again. */
    private long recoveryOnB(Fixture.Member probe) throws InterruptedException {
        while (killedAt == 0) {
            Thread.sleep(5);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                LampssApi.Reply reply = onB.put(path(org, probe.userId()), Map.of("firstName", "probe-" + attempt,
                        "lastName", "Last " + probe.email(), "email", probe.email()));
                if (reply.status() == 200) {
                    return (System.nanoTime() - killedAt) / 1_000_000;
                }
            } catch (RuntimeException e) {
                // not serving yet
            }
            Thread.sleep(50);
        }
    }

    private void checkEverything() throws SQLException {
        try (Connection db = Postgres.connect(cluster.database)) {
            for (Outcome outcome : outcomes) {
                if (outcome.creation()) {
                    checkCreation(db, outcome);
                }
            }
            for (int worker = 0; worker < members.size(); worker++) {
                checkEdits(db, worker);
            }
            checkNoHalfWrittenContact(db);
        }
    }

    /** An acknowledged creation is whole; an unacknowledged one is whole or absent. */
    private void checkCreation(Connection db, Outcome outcome) throws SQLException {
        List<String> users = strings(db, "SELECT u.id FROM user_entity u JOIN realm r ON r.id = u.realm_id WHERE r.name = 'lampss' AND u.email = ?",
                outcome.email());
        if (users.isEmpty()) {
            check(!outcome.acknowledged(), "acknowledged creation of " + outcome.email() + " has no user");
            check(strings(db, "SELECT id FROM lampss_audit WHERE organization_id = ? AND after_state LIKE ?", org,
                    "%" + outcome.email() + "%").isEmpty(), "audit row for the absent contact " + outcome.email());
            return;
        }
        String user = users.get(0);
        check(users.size() == 1, "one user for " + outcome.email());
        checkWholeContact(db, user, outcome.email());
        LampssApi.Reply seenByB = onB.get(path(org, user));
        check(seenByB.status() == 200 && "INVITED".equals(seenByB.string("state"))
                && List.of("ofa-user").equals(seenByB.json().get("profiles")), "node B serves " + outcome.email() + ": " + seenByB);
    }

    private void checkWholeContact(Connection db, String user, String what) throws SQLException {
        check(strings(db, "SELECT state FROM lampss_membership WHERE organization_id = ? AND user_id = ?", org, user).size() == 1,
                "membership row of " + what);
        check(!strings(db, "SELECT id FROM lampss_invitation WHERE organization_id = ? AND user_id = ?", org, user).isEmpty(),
                "invitation of " + what);
        check(strings(db, "SELECT id FROM lampss_audit WHERE organization_id = ? AND target_user_id = ? AND action = 'CONTACT_ADDED'",
                org, user).size() == 1, "one CONTACT_ADDED audit row of " + what);
    }

    /**
     * The member's name names the edit that won; it is the last acknowledged one or one sent after
     * it, and the profiles (API on B and group memberships in the database) are that edit's.
     */
    private void checkEdits(Connection db, int worker) throws SQLException {
        Fixture.Member member = members.get(worker);
        List<Outcome> edits = outcomes.stream().filter(o -> o.worker() == worker && !o.creation()).toList();
        int lastAcked = edits.stream().filter(Outcome::acknowledged).mapToInt(Outcome::index).max().orElse(-1);
        String firstName = strings(db, "SELECT first_name FROM user_entity WHERE id = ?", member.userId()).get(0);
        int won = firstName.startsWith("edit-") ? Integer.parseInt(firstName.substring(5)) : -1;
        check(won >= lastAcked && (won == -1 || edits.stream().anyMatch(o -> o.index() == won)),
                "member of worker " + worker + " shows edit " + won + ", last acknowledged " + lastAcked);
        List<String> expected = won == -1 ? List.of("ofa-user") : profilesOfEdit(won);
        LampssApi.Reply seenByB = onB.get(path(org, member.userId()));
        check(firstName.equals(seenByB.string("firstName")), "node B serves the stored name " + firstName + ": " + seenByB);
        check(expected.equals(sorted(seenByB.json().get("profiles"))), "node B serves edit " + won + "'s profiles: " + seenByB);
        check(expected.equals(strings(db, "SELECT g.name FROM user_group_membership m JOIN keycloak_group g ON g.id = m.group_id"
                + " WHERE m.user_id = ? AND g.parent_group = ? ORDER BY g.name", member.userId(), org)), "group memberships of edit " + won);
        int updates = strings(db, "SELECT id FROM lampss_audit WHERE organization_id = ? AND target_user_id = ? AND action = 'CONTACT_UPDATED'",
                org, member.userId()).size();
        long acked = edits.stream().filter(Outcome::acknowledged).count();
        check(updates >= acked && updates <= edits.size(), "CONTACT_UPDATED rows " + updates + " between " + acked + " and " + edits.size());
    }

    /** Every membership row of the organization has its user, invitation and CONTACT_ADDED row, and back. */
    private void checkNoHalfWrittenContact(Connection db) throws SQLException {
        for (String user : strings(db, "SELECT user_id FROM lampss_membership WHERE organization_id = ?", org)) {
            check(!strings(db, "SELECT id FROM user_entity WHERE id = ?", user).isEmpty(), "user of membership " + user);
            checkWholeContact(db, user, "member " + user);
        }
        for (String user : strings(db, "SELECT target_user_id FROM lampss_audit WHERE organization_id = ? AND action = 'CONTACT_ADDED'", org)) {
            check(!strings(db, "SELECT id FROM lampss_membership WHERE organization_id = ? AND user_id = ?", org, user).isEmpty(),
                    "membership of audited contact " + user);
        }
    }

    private Report report(long recoveryMillis) {
        List<Outcome> all = List.copyOf(outcomes);
        int acked = (int) all.stream().filter(Outcome::acknowledged).count();
        List<Outcome> onBAfterKill = all.stream().filter(o -> o.node().equals("B") && o.sentAt() > killedAt).toList();
        return new Report(all.size(), acked, all.size() - acked, (int) all.stream().filter(o -> o.node().equals("B") && !o.acknowledged()).count(),
                (int) onBAfterKill.stream().filter(Outcome::acknowledged).count(), recoveryMillis,
                onBAfterKill.stream().mapToLong(o -> (o.doneAt() - o.sentAt()) / 1_000_000).max().orElse(0), checks,
                List.copyOf(violations));
    }

    @SuppressWarnings("unchecked")
    private static List<String> sorted(Object profiles) {
        return ((List<String>) profiles).stream().sorted().toList();
    }

    private void check(boolean holds, String what) {
        checks++;
        if (!holds) {
            violations.add(what);
        }
    }

    private static List<String> strings(Connection db, String query, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
