package ca.novascotia.lampss.store;

import jakarta.persistence.EntityManager;

/**
 * Which period each scheduled task last ran for ({@code LAMPSS_SCHEDULED_TASK}, one row per task).
 * Every node's timer fires every period; the shared database lets one of them run it.
 */
public final class TaskPeriods {

    private TaskPeriods() {
    }

    /**
     * Claims the period starting at {@code periodStart} (epoch ms) for the caller's transaction: true
     * for one caller per period across every node. The conditional update locks the task's row, so a
     * concurrent claim waits, then finds the period taken.
     */
    public static boolean claim(EntityManager em, String task, long periodStart) {
        return em.createNativeQuery("UPDATE LAMPSS_SCHEDULED_TASK SET PERIOD_START = ?1 WHERE NAME = ?2 AND PERIOD_START < ?1")
                .setParameter(1, periodStart)
                .setParameter(2, task)
                .executeUpdate() == 1;
    }
}
