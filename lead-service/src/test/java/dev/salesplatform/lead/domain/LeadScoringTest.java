package dev.salesplatform.lead.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salesplatform.lead.domain.ScoreInput.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LeadScoringTest {

    private static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");

    private static ScoreInput input(String title, Integer employees, LeadSource source, List<Activity> activities) {
        return new ScoreInput(title, employees, source, activities, NOW);
    }

    private static ScoreInput titleOnly(String title) {
        return input(title, null, LeadSource.OTHER, List.of());
    }

    private static ScoreInput employeesOnly(Integer employees) {
        return input(null, employees, LeadSource.OTHER, List.of());
    }

    private static ScoreInput activitiesOnly(List<Activity> activities) {
        return input(null, null, LeadSource.OTHER, activities);
    }

    private static Activity ago(ActivityType type, Duration age) {
        return new Activity(type, NOW.minus(age));
    }

    private static List<Activity> repeat(ActivityType type, int times) {
        return Collections.nCopies(times, ago(type, Duration.ofDays(200)));
    }

    private static Optional<ScoreReason> reason(LeadScore score, String code) {
        return score.reasons().stream().filter(reason -> reason.code().equals(code)).findFirst();
    }

    private static int points(LeadScore score, String code) {
        return reason(score, code).map(ScoreReason::points).orElse(0);
    }

    @Nested
    class TitleSeniority {

        @ParameterizedTest(name = "\"{0}\" -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                CEO                          | 25
                cto                          | 25
                CFO                          | 25
                COO                          | 25
                CMO                          | 25
                CIO                          | 25
                CSO                          | 25
                Chief Revenue Officer        | 25
                Founder                      | 25
                Cofounder                    | 25
                Co-Founder & CTO             | 25
                co-founder                   | 25
                Owner                        | 25
                President                    | 25
                CEO/Founder                  | 25
                Vice President & President   | 25
                VP Engineering               | 20
                Vice President of Sales      | 20
                Senior Vice-President        | 20
                vp                           | 20
                SVP, Vice Chair              | 20
                Head of Sales                | 20
                Director of Marketing        | 20
                Senior Director, Operations  | 20
                Engineering Manager          | 12
                Team Lead                    | 12
                Lead Developer               | 12
                Principal Engineer           | 12
                Product Manager (EMEA)       | 12
                Leadership coach             | 5
                Headhunter                   | 5
                Directorate clerk            | 5
                Ownership analyst            | 5
                Software Engineer            | 5
                Svp                          | 5
                Ceo2                         | 25
                X                            | 5
                """)
        void pointsFollowTheHighestTierWhoseWordAppears(String title, int expected) {
            assertEquals(expected, points(LeadScoring.score(titleOnly(title)), LeadScoring.TITLE_SENIORITY));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n"})
        void blankOrUnknownTitleGivesNoReason(String title) {
            assertTrue(reason(LeadScoring.score(titleOnly(title)), LeadScoring.TITLE_SENIORITY).isEmpty());
        }

        @ParameterizedTest(name = "\"{0}\" -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Chief Revenue Officer   | C-level/owner title: Chief Revenue Officer
                VP Engineering          | VP/head/director title: VP Engineering
                '  Engineering Manager '| manager/lead title: Engineering Manager
                Leadership coach        | other title: Leadership coach
                """)
        void detailNamesTheTierAndTheTitle(String title, String expected) {
            assertEquals(expected, reason(LeadScoring.score(titleOnly(title)), LeadScoring.TITLE_SENIORITY)
                    .orElseThrow().detail());
        }
    }

    @Nested
    class CompanySize {

        @ParameterizedTest(name = "{0} employees -> {1}")
        @CsvSource(textBlock = """
                1,          3,  1-10 employees
                10,         3,  1-10 employees
                11,         8,  11-50 employees
                50,         8,  11-50 employees
                51,         12, 51-200 employees
                200,        12, 51-200 employees
                201,        15, 201-1000 employees
                1000,       15, 201-1000 employees
                1001,       18, 1001-5000 employees
                5000,       18, 1001-5000 employees
                5001,       20, over 5000 employees
                2147483647, 20, over 5000 employees
                """)
        void everyBandEdge(int employees, int expectedPoints, String expectedDetail) {
            ScoreReason reason = reason(LeadScoring.score(employeesOnly(employees)), LeadScoring.COMPANY_SIZE)
                    .orElseThrow();
            assertEquals(expectedPoints, reason.points());
            assertEquals(expectedDetail, reason.detail());
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, -2147483648})
        void fewerThanOneEmployeeGivesNoReason(int employees) {
            assertTrue(reason(LeadScoring.score(employeesOnly(employees)), LeadScoring.COMPANY_SIZE).isEmpty());
        }

        @Test
        void unknownSizeGivesNoReason() {
            assertTrue(reason(LeadScoring.score(employeesOnly(null)), LeadScoring.COMPANY_SIZE).isEmpty());
        }
    }

    @Nested
    class Source {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(textBlock = """
                REFERRAL,             15
                PARTNER,              12
                EVENT,                10
                WEB_FORM,             10
                MARKETING_AUTOMATION, 6
                OUTBOUND,             4
                OTHER,                2
                """)
        void everySourceHasItsPoints(LeadSource source, int expected) {
            LeadScore score = LeadScoring.score(input(null, null, source, List.of()));
            assertEquals(List.of(new ScoreReason(LeadScoring.SOURCE, expected, "source " + source)), score.reasons());
            assertEquals(expected, score.value());
        }
    }

    @Nested
    class Activities {

        @Test
        void eachTypeHasItsPoints() {
            assertEquals(10, points(LeadScoring.score(activitiesOnly(repeat(ActivityType.MEETING, 1))),
                    LeadScoring.ACTIVITIES));
            assertEquals(6, points(LeadScoring.score(activitiesOnly(repeat(ActivityType.CALL, 1))),
                    LeadScoring.ACTIVITIES));
            assertEquals(3, points(LeadScoring.score(activitiesOnly(repeat(ActivityType.EMAIL, 1))),
                    LeadScoring.ACTIVITIES));
        }

        @Test
        void notesAloneGiveNoReason() {
            LeadScore score = LeadScoring.score(activitiesOnly(repeat(ActivityType.NOTE, 5)));
            assertTrue(reason(score, LeadScoring.ACTIVITIES).isEmpty());
        }

        @Test
        void noActivitiesGiveNoReason() {
            assertTrue(reason(LeadScoring.score(activitiesOnly(List.of())), LeadScoring.ACTIVITIES).isEmpty());
        }

        @Test
        void notesAreLeftOutOfTheDetail() {
            List<Activity> activities = new ArrayList<>(repeat(ActivityType.CALL, 2));
            activities.addAll(repeat(ActivityType.NOTE, 3));
            ScoreReason reason = reason(LeadScoring.score(activitiesOnly(activities)), LeadScoring.ACTIVITIES)
                    .orElseThrow();
            assertEquals(new ScoreReason(LeadScoring.ACTIVITIES, 12, "2 calls"), reason);
        }

        @ParameterizedTest(name = "{0} meetings, {1} calls, {2} emails -> {3}")
        @CsvSource(delimiter = '|', textBlock = """
                0 | 0 | 1 | 3  | 1 email
                0 | 0 | 8 | 24 | 8 emails
                0 | 0 | 9 | 25 | 9 emails (capped at 25)
                0 | 4 | 0 | 24 | 4 calls
                0 | 4 | 1 | 25 | 4 calls, 1 email (capped at 25)
                1 | 1 | 3 | 25 | 1 meeting, 1 call, 3 emails
                2 | 0 | 1 | 23 | 2 meetings, 1 email
                2 | 0 | 2 | 25 | 2 meetings, 2 emails (capped at 25)
                2 | 1 | 3 | 25 | 2 meetings, 1 call, 3 emails (capped at 25)
                3 | 0 | 0 | 25 | 3 meetings (capped at 25)
                """)
        void sumIsCappedAt25AndDetailCountsEachType(int meetings, int calls, int emails, int expectedPoints,
                String expectedDetail) {
            List<Activity> activities = new ArrayList<>();
            activities.addAll(repeat(ActivityType.MEETING, meetings));
            activities.addAll(repeat(ActivityType.CALL, calls));
            activities.addAll(repeat(ActivityType.EMAIL, emails));
            ScoreReason reason = reason(LeadScoring.score(activitiesOnly(activities)), LeadScoring.ACTIVITIES)
                    .orElseThrow();
            assertEquals(new ScoreReason(LeadScoring.ACTIVITIES, expectedPoints, expectedDetail), reason);
        }
    }

    @Nested
    class Recency {

        @ParameterizedTest(name = "last contact {0} ago -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                PT0S          | 15 | last contact less than a day ago
                PT23H59M59S   | 15 | last contact less than a day ago
                PT24H         | 15 | last contact 1 day ago
                P3D           | 15 | last contact 3 days ago
                P7D           | 15 | last contact 7 days ago
                PT168H0.001S  | 8  | last contact 7 days ago
                P30D          | 8  | last contact 30 days ago
                PT720H0.001S  | 3  | last contact 30 days ago
                P90D          | 3  | last contact 90 days ago
                """)
        void everyBandEdge(Duration age, int expectedPoints, String expectedDetail) {
            ScoreReason reason = reason(
                    LeadScoring.score(activitiesOnly(List.of(ago(ActivityType.EMAIL, age)))), LeadScoring.RECENCY)
                    .orElseThrow();
            assertEquals(new ScoreReason(LeadScoring.RECENCY, expectedPoints, expectedDetail), reason);
        }

        @ParameterizedTest
        @ValueSource(strings = {"PT2160H0.001S", "P91D", "P3650D"})
        void olderThan90DaysGivesNoReason(Duration age) {
            LeadScore score = LeadScoring.score(activitiesOnly(List.of(ago(ActivityType.MEETING, age))));
            assertTrue(reason(score, LeadScoring.RECENCY).isEmpty());
        }

        @Test
        void contactInTheFutureCountsAsNow() {
            LeadScore score = LeadScoring.score(
                    activitiesOnly(List.of(new Activity(ActivityType.CALL, NOW.plus(Duration.ofDays(40))))));
            assertEquals(new ScoreReason(LeadScoring.RECENCY, 15, "last contact less than a day ago"),
                    reason(score, LeadScoring.RECENCY).orElseThrow());
        }

        @Test
        void latestContactCountsWhateverTheOrder() {
            LeadScore score = LeadScoring.score(activitiesOnly(List.of(
                    ago(ActivityType.CALL, Duration.ofDays(60)),
                    ago(ActivityType.EMAIL, Duration.ofDays(2)),
                    ago(ActivityType.MEETING, Duration.ofDays(20)))));
            assertEquals(15, points(score, LeadScoring.RECENCY));
        }

        @Test
        void aRecentNoteIsNotContact() {
            LeadScore score = LeadScoring.score(activitiesOnly(List.of(
                    ago(ActivityType.NOTE, Duration.ofHours(1)),
                    ago(ActivityType.CALL, Duration.ofDays(45)))));
            assertEquals(new ScoreReason(LeadScoring.RECENCY, 3, "last contact 45 days ago"),
                    reason(score, LeadScoring.RECENCY).orElseThrow());
        }

        @Test
        void notesAloneGiveNoReason() {
            LeadScore score = LeadScoring.score(activitiesOnly(List.of(ago(ActivityType.NOTE, Duration.ZERO))));
            assertTrue(reason(score, LeadScoring.RECENCY).isEmpty());
        }
    }

    @Nested
    class Total {

        @Test
        void workedExampleFromTheDocs() {
            LeadScore score = LeadScoring.score(input("VP Engineering", 120, LeadSource.WEB_FORM, List.of(
                    ago(ActivityType.MEETING, Duration.ofDays(3)),
                    ago(ActivityType.CALL, Duration.ofDays(12)),
                    ago(ActivityType.EMAIL, Duration.ofDays(20)),
                    ago(ActivityType.NOTE, Duration.ofDays(1)))));
            assertEquals(new LeadScore(76, List.of(
                    new ScoreReason("TITLE_SENIORITY", 20, "VP/head/director title: VP Engineering"),
                    new ScoreReason("COMPANY_SIZE", 12, "51-200 employees"),
                    new ScoreReason("SOURCE", 10, "source WEB_FORM"),
                    new ScoreReason("ACTIVITIES", 19, "1 meeting, 1 call, 1 email"),
                    new ScoreReason("RECENCY", 15, "last contact 3 days ago"))), score);
        }

        @Test
        void bestPossibleLeadScoresExactly100() {
            LeadScore score = LeadScoring.score(input("CEO", 10_000, LeadSource.REFERRAL, List.of(
                    ago(ActivityType.MEETING, Duration.ZERO),
                    ago(ActivityType.MEETING, Duration.ZERO),
                    ago(ActivityType.MEETING, Duration.ZERO))));
            assertEquals(100, score.value());
            assertEquals(List.of(25, 20, 15, 25, 15), score.reasons().stream().map(ScoreReason::points).toList());
        }

        @Test
        void leadWeKnowNothingAboutScoresOnlyItsSource() {
            LeadScore score = LeadScoring.score(input(null, null, LeadSource.OTHER, List.of()));
            assertEquals(new LeadScore(2, List.of(new ScoreReason("SOURCE", 2, "source OTHER"))), score);
        }

        @Test
        void reasonsFollowTheRuleOrder() {
            LeadScore score = LeadScoring.score(input("Owner", 5, LeadSource.EVENT, List.of(
                    ago(ActivityType.EMAIL, Duration.ofDays(8)))));
            assertEquals(List.of("TITLE_SENIORITY", "COMPANY_SIZE", "SOURCE", "ACTIVITIES", "RECENCY"),
                    score.reasons().stream().map(ScoreReason::code).toList());
            assertEquals(25 + 3 + 10 + 3 + 8, score.value());
        }

        @Test
        void factorsThatGiveNothingAreLeftOut() {
            LeadScore score = LeadScoring.score(input(" ", 0, LeadSource.PARTNER, List.of(
                    ago(ActivityType.EMAIL, Duration.ofDays(365)))));
            assertEquals(List.of("SOURCE", "ACTIVITIES"), score.reasons().stream().map(ScoreReason::code).toList());
            assertEquals(15, score.value());
        }
    }

    @Nested
    class Inputs {

        @Test
        void activitiesAreCopiedSoLaterChangesDoNotAffectTheScore() {
            List<Activity> activities = new ArrayList<>(List.of(ago(ActivityType.CALL, Duration.ofDays(1))));
            ScoreInput input = activitiesOnly(activities);
            activities.add(ago(ActivityType.MEETING, Duration.ofDays(1)));
            assertEquals(1, input.activities().size());
            assertThrows(UnsupportedOperationException.class, () -> input.activities().clear());
        }

        @Test
        void reasonsCannotBeChanged() {
            LeadScore score = LeadScoring.score(activitiesOnly(List.of()));
            assertThrows(UnsupportedOperationException.class, () -> score.reasons().clear());
        }

        @Test
        void missingActivitiesSourceOrNowAreRejected() {
            assertThrows(NullPointerException.class, () -> new ScoreInput(null, null, LeadSource.OTHER, null, NOW));
            assertThrows(NullPointerException.class, () -> new ScoreInput(null, null, null, List.of(), NOW));
            assertThrows(NullPointerException.class,
                    () -> new ScoreInput(null, null, LeadSource.OTHER, List.of(), null));
        }
    }
}
