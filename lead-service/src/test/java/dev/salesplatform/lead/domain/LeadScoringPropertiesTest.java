package dev.salesplatform.lead.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salesplatform.lead.domain.ScoreInput.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.WithNull;

class LeadScoringPropertiesTest {

    private static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");

    // Seniority tiers from least to most senior, written out from the documented rule rather than the implementation.
    private static final List<List<String>> TITLE_KEYWORDS_BY_TIER = List.of(
            List.of(),
            List.of("manager", "Lead", "PRINCIPAL"),
            List.of("VP", "vice", "Head", "director", "Vice President", "vice-president"),
            List.of("CEO", "cto", "CFO", "coo", "CMO", "cio", "CSO", "Chief", "founder", "Cofounder", "co-founder",
                    "Owner", "President"));

    private static final Set<String> KEYWORDS = Set.of(
            "manager", "lead", "principal", "vp", "vice", "head", "director", "president",
            "ceo", "cto", "cfo", "coo", "cmo", "cio", "cso", "chief", "founder", "cofounder", "owner");

    private static final List<ActivityType> CONTACT_TYPES =
            List.of(ActivityType.CALL, ActivityType.EMAIL, ActivityType.MEETING);

    @Property
    void valueIsAlwaysBetween0And100(@ForAll("inputs") ScoreInput input) {
        int value = LeadScoring.score(input).value();
        assertTrue(value >= 0 && value <= 100, () -> "value " + value);
    }

    @Property
    void valueIsTheSumOfTheReasonPoints(@ForAll("inputs") ScoreInput input) {
        LeadScore score = LeadScoring.score(input);
        assertEquals(score.reasons().stream().mapToInt(ScoreReason::points).sum(), score.value());
    }

    @Property
    void everyReasonGivesPoints(@ForAll("inputs") ScoreInput input) {
        assertTrue(LeadScoring.score(input).reasons().stream().allMatch(reason -> reason.points() > 0));
    }

    @Property
    void addingAContactActivityNeverLowersTheScore(@ForAll("inputs") ScoreInput input,
            @ForAll("contactActivities") Activity contact) {
        List<Activity> more = new ArrayList<>(input.activities());
        more.add(contact);
        ScoreInput withContact = new ScoreInput(input.title(), input.employees(), input.source(), more, input.now());
        assertTrue(LeadScoring.score(withContact).value() >= LeadScoring.score(input).value());
    }

    @Property
    void aMoreSeniorTitleNeverLowersTheScore(@ForAll("inputs") ScoreInput input,
            @ForAll @IntRange(min = 0, max = 3) int juniorTier, @ForAll @IntRange(min = 0, max = 3) int tierStep,
            @ForAll @IntRange(min = 0, max = 100) int keywordPick,
            @ForAll("fillerWords") String before, @ForAll("fillerWords") String after) {
        int seniorTier = Math.min(3, juniorTier + tierStep);
        String juniorTitle = title(juniorTier, keywordPick, before, after);
        String seniorTitle = title(seniorTier, keywordPick, before, after);
        assertTrue(LeadScoring.score(withTitle(input, seniorTitle)).value()
                >= LeadScoring.score(withTitle(input, juniorTitle)).value(),
                () -> "\"" + seniorTitle + "\" scored below \"" + juniorTitle + "\"");
    }

    @Property
    void aTitleNeverScoresBelowNoTitle(@ForAll("inputs") ScoreInput input, @ForAll String anyTitle) {
        assertTrue(LeadScoring.score(withTitle(input, anyTitle)).value()
                >= LeadScoring.score(withTitle(input, null)).value());
    }

    @Property
    void moreEmployeesNeverLowerTheScore(@ForAll("inputs") ScoreInput input,
            @ForAll @WithNull(0.1) @IntRange(min = -10, max = 20_000) Integer fewer,
            @ForAll @IntRange(min = 0, max = 20_000) int extra) {
        int more = fewer == null ? extra : fewer + extra;
        assertTrue(LeadScoring.score(withEmployees(input, more)).value()
                >= LeadScoring.score(withEmployees(input, fewer)).value(),
                () -> more + " employees scored below " + fewer);
    }

    @Provide
    Arbitrary<ScoreInput> inputs() {
        Arbitrary<String> titles = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 100),
                        fillerWords(), fillerWords()).as(LeadScoringPropertiesTest::title))
                .injectNull(0.1);
        Arbitrary<Integer> employees = Arbitraries.integers().between(-10, 1_000_000).injectNull(0.1);
        Arbitrary<List<Activity>> activities = activities(Arbitraries.of(ActivityType.class)).list().ofMaxSize(12);
        return Combinators.combine(titles, employees, Arbitraries.of(LeadSource.class), activities)
                .as((title, size, source, done) -> new ScoreInput(title, size, source, done, NOW));
    }

    @Provide
    Arbitrary<Activity> contactActivities() {
        return activities(Arbitraries.of(CONTACT_TYPES));
    }

    @Provide
    Arbitrary<String> fillerWords() {
        return Arbitraries.strings().alpha().ofMaxLength(8)
                .filter(word -> !KEYWORDS.contains(word.toLowerCase(Locale.ROOT)));
    }

    private static Arbitrary<Activity> activities(Arbitrary<ActivityType> types) {
        // From 200 days ago, past every recency band, to 10 days ahead, where a skewed clock would put them.
        Arbitrary<Instant> times = Arbitraries.longs()
                .between(-Duration.ofDays(200).toSeconds(), Duration.ofDays(10).toSeconds())
                .map(NOW::plusSeconds);
        return Combinators.combine(types, times).as(Activity::new);
    }

    /** A title of the given tier: one of its keywords (picked by index) between two words that are no keyword. */
    private static String title(int tier, int keywordPick, String before, String after) {
        List<String> keywords = TITLE_KEYWORDS_BY_TIER.get(tier);
        String keyword = keywords.isEmpty() ? "" : keywords.get(keywordPick % keywords.size());
        return String.join(" ", before, keyword, after);
    }

    private static ScoreInput withTitle(ScoreInput input, String title) {
        return new ScoreInput(title, input.employees(), input.source(), input.activities(), input.now());
    }

    private static ScoreInput withEmployees(ScoreInput input, Integer employees) {
        return new ScoreInput(input.title(), employees, input.source(), input.activities(), input.now());
    }
}
