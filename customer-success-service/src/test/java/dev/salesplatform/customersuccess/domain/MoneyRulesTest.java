package dev.salesplatform.customersuccess.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyRulesTest {

    @Test
    void amountsTakeTheirCurrencysMinorUnits() {
        assertEquals(2, MoneyRules.scale("EUR"));
        assertEquals(0, MoneyRules.scale("JPY"));
        assertEquals(3, MoneyRules.scale("BHD"));
        assertThrows(IllegalArgumentException.class, () -> MoneyRules.scale("XYZ"));
        assertThrows(IllegalArgumentException.class, () -> MoneyRules.scale(null));
    }

    @Test
    void amountsFromOtherServicesRoundHalfEven() {
        assertEquals("0.12", MoneyRules.round(new BigDecimal("0.125"), "EUR").toPlainString());
        assertEquals("0.14", MoneyRules.round(new BigDecimal("0.135"), "EUR").toPlainString());
        assertEquals("1250.00", MoneyRules.round(new BigDecimal("1250"), "EUR").toPlainString());
        assertEquals("2", MoneyRules.round(new BigDecimal("2.5"), "JPY").toPlainString());
    }

    @Test
    void amountsFromCallersMustBeExact() {
        assertEquals("10.50", MoneyRules.exact(new BigDecimal("10.5"), "EUR").toPlainString());
        assertEquals("10.50", MoneyRules.exact(new BigDecimal("10.500"), "EUR").toPlainString());
        assertThrows(IllegalArgumentException.class, () -> MoneyRules.exact(new BigDecimal("10.005"), "EUR"));
        assertThrows(IllegalArgumentException.class, () -> MoneyRules.exact(new BigDecimal("1.5"), "JPY"));
        assertEquals("1.125", MoneyRules.exact(new BigDecimal("1.125"), "BHD").toPlainString());
    }

    @Test
    void expansionsAndContractionsAreExactAndBounded() {
        assertEquals("3750.10", MoneyRules.expand(new BigDecimal("3750.00"), new BigDecimal("0.10")).toPlainString());
        assertEquals("0.00", MoneyRules.contract(new BigDecimal("100.00"), new BigDecimal("100.00")).toPlainString());
        assertEquals("0.01", MoneyRules.contract(new BigDecimal("0.30"), new BigDecimal("0.29")).toPlainString());
        assertThrows(IllegalArgumentException.class,
                () -> MoneyRules.contract(new BigDecimal("100.00"), new BigDecimal("100.01")));
        assertThrows(IllegalArgumentException.class,
                () -> MoneyRules.expand(MoneyRules.MAX, new BigDecimal("0.01")));
        assertThrows(IllegalArgumentException.class,
                () -> MoneyRules.expand(BigDecimal.ONE, BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> MoneyRules.contract(BigDecimal.ONE, new BigDecimal("-1")));
    }
}
