package dev.salesplatform.customersuccess.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule of docs/customer-health.md, factor by factor, and the band edges. */
class HealthScoreTest {

    static final LocalDate TODAY = LocalDate.of(2027, 6, 15);

    static HealthScore.Input with(Integer nps, List<HealthScore.CheckIn> checkIns, LocalDate lastTouchpoint,
                                  LocalDate renewalDue, List<LocalDate> contractions) {
        return new HealthScore.Input(TODAY, TODAY, nps, checkIns, lastTouchpoint, renewalDue, contractions);
    }

    static List<String> codes(HealthScore.Result result) {
        return result.reasons().stream().map(HealthScore.Reason::code).toList();
    }

    @Test
    void aNewCustomerWithoutAnswersStartsGreenAt75() {
        HealthScore.Result result = HealthScore.of(with(null, List.of(), null, null, List.of()));
        assertEquals(75, result.score());
        assertEquals(HealthBand.GREEN, result.band());
        assertEquals(List.of(new HealthScore.Reason("NPS_MISSING", -5, "No NPS answer yet")), result.reasons());
    }

    @ParameterizedTest
    @CsvSource({"10,90,NPS_PROMOTER", "9,90,NPS_PROMOTER", "8,75,NPS_PASSIVE", "7,75,NPS_PASSIVE",
            "6,55,NPS_DETRACTOR", "0,55,NPS_DETRACTOR"})
    void theLatestNpsAnswerCounts(int nps, int score, String code) {
        HealthScore.Result result = HealthScore.of(with(nps, List.of(), null, null, List.of()));
        assertEquals(score, result.score());
        assertEquals(List.of(code), codes(result));
    }

    @Test
    void checkInsCountWithinNinetyDaysOnlyAndAreCapped() {
        var positive = new HealthScore.CheckIn(TODAY.minusDays(90), Sentiment.POSITIVE);
        var old = new HealthScore.CheckIn(TODAY.minusDays(91), Sentiment.NEGATIVE);
        var neutral = new HealthScore.CheckIn(TODAY, Sentiment.NEUTRAL);
        assertEquals(List.of("NPS_PASSIVE", "CHECK_INS_POSITIVE"),
                codes(HealthScore.of(with(8, List.of(positive, old, neutral), TODAY, null, List.of()))));
        assertEquals(80, HealthScore.of(with(8, List.of(positive, old, neutral), TODAY, null, List.of())).score());
        // +5 each, at most +10.
        assertEquals(85, HealthScore.of(with(8, Collections.nCopies(3, positive), TODAY, null, List.of())).score());
        // -10 each, at most -30.
        var negative = new HealthScore.CheckIn(TODAY.minusDays(1), Sentiment.NEGATIVE);
        assertEquals(80, HealthScore.of(with(10, List.of(negative), TODAY, null, List.of())).score());
        assertEquals(60, HealthScore.of(with(10, Collections.nCopies(5, negative), TODAY, null, List.of())).score());
        // A check-in dated after today (clock skew) is not counted.
        var future = new HealthScore.CheckIn(TODAY.plusDays(1), Sentiment.NEGATIVE);
        assertEquals(90, HealthScore.of(with(10, List.of(future), TODAY, null, List.of())).score());
    }

    @ParameterizedTest
    @CsvSource({"0,90", "30,90", "31,80", "60,80", "61,70", "90,70", "91,60", "400,60"})
    void daysSinceTheLastTouchpoint(int days, int score) {
        assertEquals(score, HealthScore.of(with(10, List.of(), TODAY.minusDays(days), null, List.of())).score());
    }

    @Test
    void withoutTouchpointsRecencyCountsFromOnboarding() {
        HealthScore.Input input = new HealthScore.Input(TODAY, TODAY.minusDays(45), 10, List.of(), null, null, List.of());
        HealthScore.Result result = HealthScore.of(input);
        assertEquals(80, result.score());
        assertEquals("No touchpoint in the 45 days since onboarding", result.reasons().get(1).text());
    }

    @ParameterizedTest
    @CsvSource({"-10,65,RENEWAL_OVERDUE", "0,65,RENEWAL_OVERDUE", "1,75,RENEWAL_IMMINENT", "30,75,RENEWAL_IMMINENT",
            "31,85,RENEWAL_APPROACHING", "60,85,RENEWAL_APPROACHING"})
    void anOpenRenewalCloseToItsDueDate(int daysUntilDue, int score, String code) {
        HealthScore.Result result = HealthScore.of(with(10, List.of(), TODAY, TODAY.plusDays(daysUntilDue), List.of()));
        assertEquals(score, result.score());
        assertEquals(List.of("NPS_PROMOTER", code), codes(result));
    }

    @Test
    void aRenewalFurtherAwayDoesNotCount() {
        assertEquals(List.of("NPS_PROMOTER"),
                codes(HealthScore.of(with(10, List.of(), TODAY, TODAY.plusDays(61), List.of()))));
    }

    @Test
    void contractionsInTheLastNinetyDaysAreCapped() {
        assertEquals(75, HealthScore.of(with(10, List.of(), TODAY, null, List.of(TODAY))).score());
        assertEquals(60, HealthScore.of(with(10, List.of(), TODAY, null,
                List.of(TODAY, TODAY.minusDays(90), TODAY.minusDays(3)))).score());
        assertEquals(90, HealthScore.of(with(10, List.of(), TODAY, null, List.of(TODAY.minusDays(91)))).score());
    }

    @Test
    void theScoreIsClampedAtZeroAndOneHundred() {
        var negative = new HealthScore.CheckIn(TODAY, Sentiment.NEGATIVE);
        HealthScore.Result worst = HealthScore.of(with(0, Collections.nCopies(3, negative), TODAY.minusDays(200),
                TODAY.minusDays(1), List.of(TODAY, TODAY)));
        // 80 - 25 - 30 - 30 - 25 - 30 = -60, clamped.
        assertEquals(0, worst.score());
        assertEquals(HealthBand.RED, worst.band());
        var positive = new HealthScore.CheckIn(TODAY, Sentiment.POSITIVE);
        assertEquals(100, HealthScore.of(with(10, List.of(positive, positive), TODAY, null, List.of())).score());
    }

    @ParameterizedTest
    @CsvSource({"100,GREEN", "70,GREEN", "69,YELLOW", "40,YELLOW", "39,RED", "0,RED"})
    void bandEdges(int score, HealthBand band) {
        assertEquals(band, HealthBand.of(score));
    }

    @Test
    void scoresLandOnEveryBand() {
        // 80 - 5 (passive) - 10 (negative check-in) = 65: YELLOW; a detractor with an overdue renewal: 30, RED.
        var negative = new HealthScore.CheckIn(TODAY, Sentiment.NEGATIVE);
        assertEquals(HealthBand.YELLOW, HealthScore.of(with(7, List.of(negative), TODAY, null, List.of())).band());
        assertEquals(30, HealthScore.of(with(3, List.of(), TODAY, TODAY, List.of())).score());
        assertEquals(HealthBand.RED, HealthScore.of(with(3, List.of(), TODAY, TODAY, List.of())).band());
    }

    @ParameterizedTest
    @CsvSource({"0,DETRACTOR", "6,DETRACTOR", "7,PASSIVE", "8,PASSIVE", "9,PROMOTER", "10,PROMOTER"})
    void npsCategories(int score, NpsCategory category) {
        assertEquals(category, NpsCategory.of(score));
    }

    @Test
    void npsOutsideZeroToTenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NpsCategory.of(11));
        assertThrows(IllegalArgumentException.class, () -> NpsCategory.of(-1));
    }
}
