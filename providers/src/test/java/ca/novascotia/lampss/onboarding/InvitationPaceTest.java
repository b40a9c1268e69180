package ca.novascotia.lampss.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.novascotia.lampss.store.OnboardingJobEntity;
import org.junit.jupiter.api.Test;

/** How many held invitations a job may send at a moment: its rate per minute since sending began. */
class InvitationPaceTest {

    private static OnboardingJobEntity job(Long sendFrom, int rate, int waiting, int sent, int sentBefore) {
        OnboardingJobEntity job = new OnboardingJobEntity();
        job.setSendFrom(sendFrom);
        job.setRatePerMinute(rate);
        job.setInvitationsWaiting(waiting);
        job.setInvitationsSent(sent);
        job.setSentBeforeWindow(sentBefore);
        return job;
    }

    @Test
    void heldInvitationsWaitForTheRelease() {
        assertEquals(0, OnboardingWorker.due(job(null, 0, 10, 0, 0), 1_000));
    }

    @Test
    void withoutARateEveryWaitingInvitationIsDue() {
        assertEquals(10, OnboardingWorker.due(job(0L, 0, 10, 0, 0), 1));
        assertEquals(0, OnboardingWorker.due(job(0L, 0, 0, 5, 0), 1));
    }

    @Test
    void aRateSpreadsThemOverTheMinutes() {
        // 60 per minute: one at once, then one a second.
        assertEquals(1, OnboardingWorker.due(job(0L, 60, 100, 0, 0), 0));
        assertEquals(11, OnboardingWorker.due(job(0L, 60, 100, 0, 0), 10_000));
        assertEquals(1, OnboardingWorker.due(job(0L, 60, 90, 10, 0), 10_000));
        assertEquals(0, OnboardingWorker.due(job(0L, 60, 89, 11, 0), 10_500));
        // never more than are waiting
        assertEquals(5, OnboardingWorker.due(job(0L, 60, 5, 0, 0), 60_000));
    }

    @Test
    void aReleaseCountsOnlyWhatWasSentSinceIt() {
        // 40 sent before the release at t = 100 s: the pace starts again from there.
        assertEquals(1, OnboardingWorker.due(job(100_000L, 60, 100, 40, 40), 100_000));
        assertEquals(3, OnboardingWorker.due(job(100_000L, 60, 100, 40, 40), 102_000));
    }
}
