package dev.salesplatform.lead.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lead score: fit (title, company size, source; at most 60) plus engagement (activities, recency; at most 40).
 * The rule and the reasons behind it are documented in docs/lead-scoring.md; keep the two in step.
 */
public final class LeadScoring {

    public static final String TITLE_SENIORITY = "TITLE_SENIORITY";
    public static final String COMPANY_SIZE = "COMPANY_SIZE";
    public static final String SOURCE = "SOURCE";
    public static final String ACTIVITIES = "ACTIVITIES";
    public static final String RECENCY = "RECENCY";

    private static final int MAX_SCORE = 100;
    private static final int ACTIVITIES_CAP = 25;
    private static final int OTHER_TITLE_POINTS = 5;

    // "Co-founder" splits into "co" and "founder", and "founder" is already C-level, so no hyphen handling is needed.
    private static final Pattern NON_LETTERS = Pattern.compile("\\P{L}+");

    private enum TitleTier {
        C_LEVEL(25, "C-level/owner",
                "ceo", "cto", "cfo", "coo", "cmo", "cio", "cso", "chief", "founder", "cofounder", "owner", "president"),
        VP_HEAD_DIRECTOR(20, "VP/head/director", "vp", "vice", "head", "director"),
        MANAGER_LEAD(12, "manager/lead", "manager", "lead", "principal");

        private final int points;
        private final String label;
        private final Set<String> words;

        TitleTier(int points, String label, String... words) {
            this.points = points;
            this.label = label;
            this.words = Set.of(words);
        }
    }

    private record SizeBand(int maxEmployees, int points, String label) {
    }

    private static final List<SizeBand> SIZE_BANDS = List.of(
            new SizeBand(10, 3, "1-10 employees"),
            new SizeBand(50, 8, "11-50 employees"),
            new SizeBand(200, 12, "51-200 employees"),
            new SizeBand(1000, 15, "201-1000 employees"),
            new SizeBand(5000, 18, "1001-5000 employees"),
            new SizeBand(Integer.MAX_VALUE, 20, "over 5000 employees"));

    private record RecencyBand(Duration maxAge, int points) {
    }

    // Band edges are inclusive and in exact 24-hour days, so "7 days" means at most 168 hours ago.
    private static final List<RecencyBand> RECENCY_BANDS = List.of(
            new RecencyBand(Duration.ofDays(7), 15),
            new RecencyBand(Duration.ofDays(30), 8),
            new RecencyBand(Duration.ofDays(90), 3));

    private LeadScoring() {
    }

    public static LeadScore score(ScoreInput input) {
        List<ScoreReason> reasons = new ArrayList<>();
        titleSeniority(input.title()).ifPresent(reasons::add);
        companySize(input.employees()).ifPresent(reasons::add);
        source(input.source()).ifPresent(reasons::add);
        activities(input.activities()).ifPresent(reasons::add);
        recency(input.activities(), input.now()).ifPresent(reasons::add);
        int total = reasons.stream().mapToInt(ScoreReason::points).sum();
        // The factor maxima add up to exactly 100; the clamp keeps the promised range if a table is ever changed.
        return new LeadScore(Math.clamp(total, 0, MAX_SCORE), reasons);
    }

    private static Optional<ScoreReason> titleSeniority(String title) {
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        String shownTitle = title.strip();
        Set<String> words = titleWords(shownTitle);
        for (TitleTier tier : TitleTier.values()) {
            if (words.stream().anyMatch(tier.words::contains)) {
                return reason(TITLE_SENIORITY, tier.points, tier.label + " title: " + shownTitle);
            }
        }
        return reason(TITLE_SENIORITY, OTHER_TITLE_POINTS, "other title: " + shownTitle);
    }

    private static Set<String> titleWords(String title) {
        List<String> tokens = Arrays.stream(NON_LETTERS.split(title.toLowerCase(Locale.ROOT)))
                .filter(token -> !token.isEmpty())
                .toList();
        Set<String> words = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            // A vice president is a VP, not a president: that "president" must not lift the title to C-level.
            boolean vicePresident = i > 0 && tokens.get(i).equals("president") && tokens.get(i - 1).equals("vice");
            if (!vicePresident) {
                words.add(tokens.get(i));
            }
        }
        return words;
    }

    private static Optional<ScoreReason> companySize(Integer employees) {
        if (employees == null || employees < 1) {
            return Optional.empty();
        }
        SizeBand band = SIZE_BANDS.stream()
                .filter(candidate -> employees <= candidate.maxEmployees())
                .findFirst()
                .orElseThrow();
        return reason(COMPANY_SIZE, band.points(), band.label());
    }

    private static Optional<ScoreReason> source(LeadSource source) {
        int points = switch (source) {
            case REFERRAL -> 15;
            case PARTNER -> 12;
            case EVENT, WEB_FORM -> 10;
            case MARKETING_AUTOMATION -> 6;
            case OUTBOUND -> 4;
            case OTHER -> 2;
        };
        return reason(SOURCE, points, "source " + source);
    }

    private static Optional<ScoreReason> activities(List<ScoreInput.Activity> activities) {
        long meetings = count(activities, ActivityType.MEETING);
        long calls = count(activities, ActivityType.CALL);
        long emails = count(activities, ActivityType.EMAIL);
        long uncapped = meetings * 10 + calls * 6 + emails * 3;
        if (uncapped == 0) {
            return Optional.empty();
        }
        List<String> counts = new ArrayList<>();
        if (meetings > 0) {
            counts.add(plural(meetings, "meeting"));
        }
        if (calls > 0) {
            counts.add(plural(calls, "call"));
        }
        if (emails > 0) {
            counts.add(plural(emails, "email"));
        }
        String detail = String.join(", ", counts);
        if (uncapped > ACTIVITIES_CAP) {
            detail += " (capped at " + ACTIVITIES_CAP + ")";
        }
        return reason(ACTIVITIES, (int) Math.min(uncapped, ACTIVITIES_CAP), detail);
    }

    private static Optional<ScoreReason> recency(List<ScoreInput.Activity> activities, Instant now) {
        Optional<Instant> lastContact = activities.stream()
                .filter(activity -> activity.type().isContact())
                .map(ScoreInput.Activity::occurredAt)
                .max(Instant::compareTo);
        if (lastContact.isEmpty()) {
            return Optional.empty();
        }
        // A contact logged with a clock ahead of ours still happened; it counts as happening now.
        Duration age = Duration.between(lastContact.get(), now);
        Duration ageSoFar = age.isNegative() ? Duration.ZERO : age;
        int points = RECENCY_BANDS.stream()
                .filter(band -> ageSoFar.compareTo(band.maxAge()) <= 0)
                .mapToInt(RecencyBand::points)
                .findFirst()
                .orElse(0);
        return reason(RECENCY, points, "last contact " + daysAgo(ageSoFar));
    }

    private static long count(List<ScoreInput.Activity> activities, ActivityType type) {
        return activities.stream().filter(activity -> activity.type() == type).count();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String daysAgo(Duration age) {
        long days = age.toDays();
        return days == 0 ? "less than a day ago" : plural(days, "day") + " ago";
    }

    private static Optional<ScoreReason> reason(String code, int points, String detail) {
        return points > 0 ? Optional.of(new ScoreReason(code, points, detail)) : Optional.empty();
    }
}
