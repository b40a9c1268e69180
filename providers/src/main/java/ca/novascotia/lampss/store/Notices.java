package ca.novascotia.lampss.store;

import jakarta.persistence.EntityManager;

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

    public static void claim(EntityManager em, String realmId, String kind, String subjectId, String occasion, String recipientId,
                             long now, String outcome) {
        em.createNativeQuery("insert into LAMPSS_NOTICE (KIND, SUBJECT_ID, OCCASION, RECIPIENT_ID, REALM_ID, SENT_AT, OUTCOME)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, kind).setParameter(2, subjectId).setParameter(3, occasion).setParameter(4, recipientId)
                .setParameter(5, realmId).setParameter(6, now).setParameter(7, outcome).executeUpdate();
    }

    public static void failed(EntityManager em, String kind, String subjectId, String occasion, String recipientId) {
        em.createNativeQuery("update LAMPSS_NOTICE set OUTCOME = '" + FAILED + "' where KIND = ?1 and SUBJECT_ID = ?2"
                        + " and OCCASION = ?3 and RECIPIENT_ID = ?4")
                .setParameter(1, kind).setParameter(2, subjectId).setParameter(3, occasion).setParameter(4, recipientId)
                .executeUpdate();
    }
}
