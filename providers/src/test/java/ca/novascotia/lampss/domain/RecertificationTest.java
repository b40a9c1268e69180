package ca.novascotia.lampss.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The realm's recertification policy, campaigns' states and dates, and which reminder is due. */
class RecertificationTest {

    private static final Instant JAN_31 = Instant.parse("2027-01-31T12:00:00Z");

    @Test
    void intervalsAreCalendarMonthsOrExactDurations() {
        assertEquals(Instant.parse("2028-01-31T12:00:00Z"), Interval.parse("P12M").orElseThrow().after(JAN_31));
        assertEquals(Instant.parse("2027-02-28T12:00:00Z"), Interval.parse("p1m").orElseThrow().after(JAN_31), "end of a shorter month");
        assertEquals(JAN_31.plusSeconds(30), Interval.parse("PT30S").orElseThrow().after(JAN_31));
        assertEquals(JAN_31.minusSeconds(7 * 86400), Interval.parse("P7D").orElseThrow().before(JAN_31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "12 months", "P0D", "PT0S", "-P1D", "P11Y", "PT", "P1M1"})
    void anIntervalIsAtLeastASecondAndAtMostTenYears(String text) {
        assertEquals(Optional.empty(), Interval.parse(text));
    }

    @Test
    void unreadableSettingsFallBackToSafeDefaults() {
        Recertification policy = Recertification.of(Map.of(Recertification.PERIOD, "yearly", Recertification.OPEN_FOR, "soon",
                Recertification.OVERDUE, "PURGE", Recertification.REMINDERS, "P7D,tomorrow")::get);
        assertFalse(policy.enabled(), "an unreadable period opens no campaign");
        assertEquals("P30D", policy.openFor().toString());
        assertEquals(OverdueAction.FLAG, policy.overdue(), "flagging is the default");
        assertEquals(List.of("P7D", "P1D"), policy.reminders().stream().map(Interval::toString).toList());
        assertFalse(Recertification.acceptablePeriod("yearly"));
        assertTrue(Recertification.acceptablePeriod("off") && Recertification.acceptablePeriod("") && Recertification.acceptablePeriod("P1Y"));
    }

    @Test
    void remindersAreSortedLongestFirstAndNoneMeansNone() {
        assertEquals(List.of("P14D", "P7D", "PT1H"), Recertification.reminders("PT1H, P14D,P7D").orElseThrow().stream()
                .map(Interval::toString).toList());
        assertEquals(List.of(), Recertification.reminders("none").orElseThrow());
        assertEquals(2, Recertification.invitationReminders(null).size());
    }

    @Test
    void onlyTheReminderNearestTheDeadlineIsDue() {
        List<Interval> leads = Recertification.reminders("P7D,P1D").orElseThrow();
        Instant due = JAN_31;
        assertEquals(Optional.empty(), Reminder.due(due, due.minusSeconds(8 * 86400), leads), "too early");
        assertEquals("P7D", Reminder.due(due, due.minusSeconds(3 * 86400), leads).orElseThrow().toString());
        assertEquals("P1D", Reminder.due(due, due.minusSeconds(3600), leads).orElseThrow().toString(), "never both");
        assertEquals(Optional.empty(), Reminder.due(due, due, leads), "from the deadline on, no reminder");
    }

    @Test
    void eachLeadsWindowEndsWhereTheNextShorterOnesBegins() {
        List<Interval> leads = Recertification.reminders("P7D,P1D").orElseThrow();
        assertEquals(new Reminder.Window(JAN_31.plusSeconds(86400), JAN_31.plusSeconds(7 * 86400)), Reminder.window(JAN_31, leads, 0));
        assertEquals(new Reminder.Window(JAN_31, JAN_31.plusSeconds(86400)), Reminder.window(JAN_31, leads, 1));
    }

    @Test
    void aCampaignsStateFollowsItsDates() {
        Recertification policy = Recertification.of(Map.of(Recertification.PERIOD, "P12M")::get);
        Campaign campaign = Campaign.open(JAN_31, policy);
        assertEquals(JAN_31.plusSeconds(30 * 86400), campaign.dueAt());
        assertEquals(Campaign.State.OPEN, campaign.state(JAN_31, policy));
        assertEquals(Campaign.State.DUE_SOON, campaign.state(campaign.dueAt().minusSeconds(86400), policy));
        assertEquals(Campaign.State.OVERDUE, campaign.state(campaign.dueAt(), policy));
        assertEquals(Campaign.State.DONE, campaign.signOff(0, JAN_31).state(campaign.dueAt(), policy));
    }

    @Test
    void signingOffWaitsForEveryoneButTheSignerAndHappensOnce() {
        Campaign campaign = Campaign.open(JAN_31, Recertification.of(Map.<String, String>of()::get));
        assertEquals(Reason.REVIEW_INCOMPLETE, assertThrows(DomainException.class, () -> campaign.signOff(1, JAN_31)).reason());
        Campaign done = campaign.signOff(0, JAN_31);
        assertEquals(Reason.CAMPAIGN_NOT_OPEN, assertThrows(DomainException.class, () -> done.signOff(0, JAN_31)).reason());
    }

    @Test
    void anExtensionOnlyMovesTheDueDateForward() {
        Campaign campaign = Campaign.open(JAN_31, Recertification.of(Map.<String, String>of()::get));
        Instant later = campaign.dueAt().plusSeconds(86400);
        assertEquals(later, campaign.extend(later, JAN_31).dueAt());
        assertEquals(Reason.INVALID_DUE_DATE, assertThrows(DomainException.class,
                () -> campaign.extend(campaign.dueAt().minusSeconds(1), JAN_31)).reason());
        assertEquals(Reason.INVALID_DUE_DATE, assertThrows(DomainException.class,
                () -> campaign.extend(JAN_31.minusSeconds(1), JAN_31.plusSeconds(40 * 86400))).reason());
    }

    @Test
    void aCampaignIsDueOnePeriodAfterTheLastOpenedOrAtOnceForTheFirst() {
        Recertification yearly = Recertification.of(Map.of(Recertification.PERIOD, "P12M")::get);
        Recertification off = Recertification.of(Map.<String, String>of()::get);
        assertTrue(Campaign.due(Optional.empty(), JAN_31, yearly));
        assertFalse(Campaign.due(Optional.of(JAN_31), JAN_31.plusSeconds(300 * 86400), yearly));
        assertTrue(Campaign.due(Optional.of(JAN_31), Instant.parse("2028-01-31T12:00:00Z"), yearly));
        assertFalse(Campaign.due(Optional.empty(), JAN_31, off), "off: never");
    }

    @Test
    void aRequestNeedsAReasonAndIsNewAndDecidedOnce() {
        assertEquals(Reason.REQUIRED_FIELD_MISSING, assertThrows(DomainException.class, () -> AccessRequest.reason("  ")).reason());
        assertEquals(Reason.FIELD_TOO_LONG, assertThrows(DomainException.class, () -> AccessRequest.reason("x".repeat(501))).reason());
        assertEquals(Reason.INVALID_CHARACTERS, assertThrows(DomainException.class, () -> AccessRequest.reason("a\u202Eb")).reason());
        assertEquals("two\nlines", AccessRequest.reason(" two\nlines "));
        assertEquals(null, AccessRequest.decision(" ", false), "approving needs no words");
        assertEquals(Reason.PROFILE_ALREADY_HELD, assertThrows(DomainException.class, () -> AccessRequest.requireNew(
                SecurityProfile.SR_ADMINISTRATOR, java.util.Set.of(SecurityProfile.SR_ADMINISTRATOR), false)).reason());
        assertEquals(Reason.REQUEST_ALREADY_OPEN, assertThrows(DomainException.class, () -> AccessRequest.requireNew(
                SecurityProfile.SR_ADMINISTRATOR, java.util.Set.of(), true)).reason());
        assertEquals(Reason.REQUEST_ALREADY_DECIDED, assertThrows(DomainException.class,
                () -> new AccessRequest("r", AccessRequest.State.CLOSED).requireOpen()).reason());
    }
}
