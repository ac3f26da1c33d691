package dev.salesplatform.kit.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.problem.StrictJson;

/** One money rule for every service: never negative, at most MAX, exact in the currency's minor units. */
class MoneyTest {

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Body(@Valid Money price) {
    }

    static Map<String, String> violations(String amount, String currency) {
        Map<String, String> found = new TreeMap<>();
        VALIDATOR.validate(new Body(new Money(amount == null ? null : new BigDecimal(amount), currency)))
                .forEach(v -> found.put(v.getPropertyPath().toString(), v.getMessage()));
        return found;
    }

    @ParameterizedTest
    @CsvSource({"1250.00,EUR", "1250.5,EUR", "0,EUR", "999999999999.99,EUR", "1500,JPY", "1500.00,JPY", "1.125,BHD",
        "1.1,XXX"})
    void acceptsAmountsExactInTheirCurrency(String amount, String currency) {
        assertEquals(Map.of(), violations(amount, currency));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-0.01|EUR|price.amount=must not be negative",
        "1000000000000|EUR|price.amount=must be at most 999999999999.99",
        "1.5|JPY|price.amount=has more decimals than JPY has (0)",
        "1.005|EUR|price.amount=has more decimals than EUR has (2)",
        "1.0005|BHD|price.amount=has more decimals than BHD has (3)",
        "1.00|eur|price.currency=must be an ISO-4217 code such as EUR",
        "1.00|ZZZ|price.currency=must be an ISO-4217 code such as EUR"})
    void refusesOthersNamingTheMember(String amount, String currency, String violation) {
        String[] expected = violation.split("=", 2);
        assertEquals(Map.of(expected[0], expected[1]), violations(amount, currency));
    }

    @Test
    void missingPartsAreNamed() {
        assertEquals(Map.of("price.amount", "must not be null", "price.currency", "must not be null"),
                violations(null, null));
    }

    @Test
    void shownInTheCurrencysMinorUnits() {
        assertEquals("1250.00", Money.of(new BigDecimal("1250.000"), "EUR").amount().toPlainString());
        assertEquals("1250", Money.of(new BigDecimal("1250.000"), "JPY").amount().toPlainString());
        assertEquals("1.125", Money.of(new BigDecimal("1.125"), "BHD").amount().toPlainString());
        assertEquals("2", Money.of(new BigDecimal("2.5"), "JPY").amount().toPlainString(), "half-even");
        assertNull(Money.of(null, "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.minorUnits("ZZZ"));
    }

    @Test
    void travelsAsADecimalString() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        String json = mapper.writeValueAsString(Money.of(new BigDecimal("1250.5"), "EUR"));
        assertEquals("{\"amount\":\"1250.50\",\"currency\":\"EUR\"}", json);
        assertEquals(new Money(new BigDecimal("1250.50"), "EUR"), mapper.readValue(json, Money.class));
        assertEquals("{\"amount\":\"1000\",\"currency\":\"EUR\"}",
                mapper.writeValueAsString(new Money(new BigDecimal("1E+3"), "EUR")), "never in exponent notation");
    }
}
