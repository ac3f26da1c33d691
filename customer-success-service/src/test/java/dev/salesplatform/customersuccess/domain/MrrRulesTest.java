package dev.salesplatform.customersuccess.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.salesplatform.kit.money.Money;

/** The MRR arithmetic, and the kit's money rule (minor units per currency) that the MRR amounts keep. */
class MrrRulesTest {

    @Test
    void amountsTakeTheirCurrencysMinorUnits() {
        assertEquals(2, Money.minorUnits("EUR"));
        assertEquals(0, Money.minorUnits("JPY"));
        assertEquals(3, Money.minorUnits("BHD"));
        assertThrows(IllegalArgumentException.class, () -> Money.minorUnits("XYZ"));
        assertThrows(IllegalArgumentException.class, () -> Money.minorUnits(null));
    }

    @Test
    void amountsFromOtherServicesRoundHalfEven() {
        assertEquals("0.12", Money.of(new BigDecimal("0.125"), "EUR").amount().toPlainString());
        assertEquals("0.14", Money.of(new BigDecimal("0.135"), "EUR").amount().toPlainString());
        assertEquals("1250.00", Money.of(new BigDecimal("1250"), "EUR").amount().toPlainString());
        assertEquals("2", Money.of(new BigDecimal("2.5"), "JPY").amount().toPlainString());
    }

    @Test
    void amountsFromCallersMustBeExact() {
        assertTrue(Money.isExact(new BigDecimal("10.5"), "EUR"));
        assertEquals("10.50", Money.of(new BigDecimal("10.5"), "EUR").amount().toPlainString());
        assertTrue(Money.isExact(new BigDecimal("10.500"), "EUR"));
        assertEquals("10.50", Money.of(new BigDecimal("10.500"), "EUR").amount().toPlainString());
        assertFalse(Money.isExact(new BigDecimal("10.005"), "EUR"));
        assertFalse(Money.isExact(new BigDecimal("1.5"), "JPY"));
        assertTrue(Money.isExact(new BigDecimal("1.125"), "BHD"));
        assertEquals("1.125", Money.of(new BigDecimal("1.125"), "BHD").amount().toPlainString());
    }

    @Test
    void expansionsAndContractionsAreExactAndBounded() {
        assertEquals("3750.10", MrrRules.expand(new BigDecimal("3750.00"), new BigDecimal("0.10")).toPlainString());
        assertEquals("0.00", MrrRules.contract(new BigDecimal("100.00"), new BigDecimal("100.00")).toPlainString());
        assertEquals("0.01", MrrRules.contract(new BigDecimal("0.30"), new BigDecimal("0.29")).toPlainString());
        assertThrows(IllegalArgumentException.class,
                () -> MrrRules.contract(new BigDecimal("100.00"), new BigDecimal("100.01")));
        assertThrows(IllegalArgumentException.class,
                () -> MrrRules.expand(MrrRules.MAX, new BigDecimal("0.01")));
        assertThrows(IllegalArgumentException.class,
                () -> MrrRules.expand(BigDecimal.ONE, BigDecimal.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> MrrRules.contract(BigDecimal.ONE, new BigDecimal("-1")));
    }
}
