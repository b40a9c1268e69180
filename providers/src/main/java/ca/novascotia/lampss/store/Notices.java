package ca.novascotia.lampss.store;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The notices sent ({@code LAMPSS_NOTICE}): one row per kind, subject (an invitation, a campaign),
 * occasion (e.g. {@code P7D} before the deadline) and recipient. A row is written, and committed,
 * before its email goes out, so an email is sent at most once whichever node or pass finds it again;
 * the queries that find what is due leave out what has a row.
 */
public final class Notices {

    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    private Notices() {
    }

    /** {@code not exists} of a notice of this kind for the subject column given (and the occasion, when given). */
    public static String notSent(String kind, String subjectColumn, String occasionParameter) {
        return " not exists (select 1 from LAMPSS_NOTICE n where n.KIND = '" + kind + "' and n.SUBJECT_ID = " + subjectColumn
                + (occasionParameter == null ? "" : " and n.OCCASION = " + occasionParameter) + ")";
    }

    /** Nobody could be told: no recipient, or one without an address or with a disabled account. */
    public static final String SKIPPED = "SKIPPED";

    /** One notice row to write: what {@link #claimAll} takes. */
    public record Row(String kind, String subjectId, String occasion, String recipientId, String outcome) {
    }

    /** Writes a batch of notice rows in one statement (a multi-row insert). */
    public static void claimAll(EntityManager em, String realmId, long now, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into LAMPSS_NOTICE (KIND, SUBJECT_ID, OCCASION, RECIPIENT_ID, REALM_ID, SENT_AT, OUTCOME) values ");
        int realm = rows.size() * 5 + 1;
        for (int i = 0; i < rows.size(); i++) {
            int p = i * 5;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3)
                    .append(", ?").append(p + 4).append(", ?").append(realm).append(", ").append(now).append(", ?").append(p + 5).append(")");
        }
        var query = em.createNativeQuery(sql.toString()).setParameter(realm, realmId);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int p = i * 5;
            query.setParameter(p + 1, row.kind()).setParameter(p + 2, row.subjectId()).setParameter(p + 3, row.occasion())
                    .setParameter(p + 4, row.recipientId()).setParameter(p + 5, row.outcome());
        }
        query.executeUpdate();
    }

    public static void failed(EntityManager em, String kind, String subjectId, String occasion, String recipientId) {
        em.createNativeQuery("update LAMPSS_NOTICE set OUTCOME = '" + FAILED + "' where KIND = ?1 and SUBJECT_ID = ?2"
                        + " and OCCASION = ?3 and RECIPIENT_ID = ?4")
                .setParameter(1, kind).setParameter(2, subjectId).setParameter(3, occasion).setParameter(4, recipientId)
                .executeUpdate();
    }
}
