package dev.salesplatform.customersuccess.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer health score, 0-100, as a pure function of what is known about the customer on a
 * given day. The rule (docs/customer-health.md): start at {@link #BASE}, add each factor's points,
 * clamp to 0-100; the band follows the score ({@link HealthBand#of}). Every factor that moved the
 * score is a reason, with its points and a sentence a CSM can act on.
 */
public final class HealthScore {

    public static final int BASE = 80;
    /** Check-ins and contractions count for this many days back from today (inclusive). */
    public static final int WINDOW_DAYS = 90;

    private HealthScore() {
    }

    /** A check-in as the score sees it: when and how it went. */
    public record CheckIn(LocalDate on, Sentiment sentiment) {
    }

    /**
     * @param today           the day the score is for
     * @param customerSince   the day the customer was onboarded (recency when no touchpoint yet)
     * @param latestNps       the latest NPS answer (0-10), or null
     * @param checkIns        check-ins (any age; the window is applied here)
     * @param lastTouchpoint  the day of the latest check-in, feedback, review or referral, or null
     * @param openRenewalDue  the due date of the customer's earliest OPEN renewal, or null
     * @param contractions    the days of the customer's MRR contractions (any age)
     */
    public record Input(LocalDate today, LocalDate customerSince, Integer latestNps, List<CheckIn> checkIns,
                        LocalDate lastTouchpoint, LocalDate openRenewalDue, List<LocalDate> contractions) {

        public Input {
            checkIns = List.copyOf(checkIns);
            contractions = List.copyOf(contractions);
        }
    }

    /** One factor's contribution: a stable code, its points, and why in words. */
    public record Reason(String code, int points, String text) {
    }

    public record Result(int score, HealthBand band, List<Reason> reasons) {
    }

    public static Result of(Input in) {
        List<Reason> reasons = new ArrayList<>();
        nps(in.latestNps(), reasons);
        checkIns(in, reasons);
        recency(in, reasons);
        renewal(in, reasons);
        contractions(in, reasons);
        int score = BASE + reasons.stream().mapToInt(Reason::points).sum();
        score = Math.max(0, Math.min(100, score));
        return new Result(score, HealthBand.of(score), List.copyOf(reasons));
    }

    private static void nps(Integer nps, List<Reason> reasons) {
        if (nps == null) {
            reasons.add(new Reason("NPS_MISSING", -5, "No NPS answer yet"));
            return;
        }
        switch (NpsCategory.of(nps)) {
            case PROMOTER -> reasons.add(new Reason("NPS_PROMOTER", 10, "Latest NPS " + nps + ": promoter"));
            case PASSIVE -> reasons.add(new Reason("NPS_PASSIVE", -5, "Latest NPS " + nps + ": passive"));
            case DETRACTOR -> reasons.add(new Reason("NPS_DETRACTOR", -25, "Latest NPS " + nps + ": detractor"));
        }
    }

    private static void checkIns(Input in, List<Reason> reasons) {
        long positive = in.checkIns().stream()
                .filter(c -> inWindow(c.on(), in.today()) && c.sentiment() == Sentiment.POSITIVE).count();
        long negative = in.checkIns().stream()
                .filter(c -> inWindow(c.on(), in.today()) && c.sentiment() == Sentiment.NEGATIVE).count();
        if (positive > 0) {
            reasons.add(new Reason("CHECK_INS_POSITIVE", (int) Math.min(10, 5 * positive),
                    positive + " positive check-in(s) in the last " + WINDOW_DAYS + " days"));
        }
        if (negative > 0) {
            reasons.add(new Reason("CHECK_INS_NEGATIVE", (int) -Math.min(30, 10 * negative),
                    negative + " negative check-in(s) in the last " + WINDOW_DAYS + " days"));
        }
    }

    private static void recency(Input in, List<Reason> reasons) {
        LocalDate last = in.lastTouchpoint() != null ? in.lastTouchpoint() : in.customerSince();
        long days = Math.max(0, ChronoUnit.DAYS.between(last, in.today()));
        int points = days > 90 ? -30 : days > 60 ? -20 : days > 30 ? -10 : 0;
        if (points != 0) {
            reasons.add(new Reason("NO_RECENT_TOUCHPOINT", points, in.lastTouchpoint() == null
                    ? "No touchpoint in the " + days + " days since onboarding"
                    : "Last touchpoint " + days + " days ago"));
        }
    }

    private static void renewal(Input in, List<Reason> reasons) {
        if (in.openRenewalDue() == null) {
            return;
        }
        long days = ChronoUnit.DAYS.between(in.today(), in.openRenewalDue());
        if (days <= 0) {
            reasons.add(new Reason("RENEWAL_OVERDUE", -25, "Contract ended " + -days
                    + " day(s) ago and its renewal is still open"));
        } else if (days <= 30) {
            reasons.add(new Reason("RENEWAL_IMMINENT", -15, "Open renewal due in " + days + " day(s)"));
        } else if (days <= 60) {
            reasons.add(new Reason("RENEWAL_APPROACHING", -5, "Open renewal due in " + days + " days"));
        }
    }

    private static void contractions(Input in, List<Reason> reasons) {
        long count = in.contractions().stream().filter(on -> inWindow(on, in.today())).count();
        if (count > 0) {
            reasons.add(new Reason("RECENT_CONTRACTION", (int) -Math.min(30, 15 * count),
                    count + " MRR contraction(s) in the last " + WINDOW_DAYS + " days"));
        }
    }

    /** On or after today - WINDOW_DAYS, and not in the future. */
    static boolean inWindow(LocalDate on, LocalDate today) {
        return !on.isAfter(today) && !on.isBefore(today.minusDays(WINDOW_DAYS));
    }
}
