package dev.salesplatform.deal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ProposalPricingTest {

    static ProposalPricing.Line line(String quantity, String unitPrice, String currency, String discountPercent) {
        return new ProposalPricing.Line(new BigDecimal(quantity), new BigDecimal(unitPrice), currency,
                discountPercent == null ? null : new BigDecimal(discountPercent));
    }

    static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(expected, actual.toPlainString());
    }

    @Test
    void linesAreMultipliedDiscountedAndSummed() {
        ProposalPricing.Priced priced = ProposalPricing.price(List.of(
                line("25", "120.00", "EUR", "10"),
                line("1", "4500.00", "EUR", null),
                line("3", "33.33", "EUR", "0")));
        assertEquals("EUR", priced.currency());
        assertAmount("3000.00", priced.lines().get(0).subtotal());
        assertAmount("300.00", priced.lines().get(0).discount());
        assertAmount("2700.00", priced.lines().get(0).total());
        assertAmount("4500.00", priced.lines().get(1).total());
        assertAmount("0.00", priced.lines().get(1).discount());
        assertAmount("99.99", priced.lines().get(2).subtotal());
        assertAmount("7599.99", priced.subtotal());
        assertAmount("300.00", priced.discount());
        assertAmount("7299.99", priced.total());
    }

    @Test
    void eachLineRoundsHalfEvenToCents() {
        // 0.5 x 0.25 = 0.125 -> 0.12 (to even); 0.5 x 0.35 = 0.175 -> 0.18 (to even).
        ProposalPricing.Priced priced = ProposalPricing.price(List.of(
                line("0.5", "0.25", "EUR", null), line("0.5", "0.35", "EUR", null)));
        assertAmount("0.12", priced.lines().get(0).subtotal());
        assertAmount("0.18", priced.lines().get(1).subtotal());
        assertAmount("0.30", priced.total());
        // 12.5 % of 1.00 = 0.125 -> 0.12; 10 % of 99.99 = 9.999 -> 10.00.
        assertAmount("0.12", ProposalPricing.price(List.of(line("1", "1.00", "EUR", "12.5"))).discount());
        ProposalPricing.Priced discounted = ProposalPricing.price(List.of(line("3", "33.33", "EUR", "10")));
        assertAmount("10.00", discounted.discount());
        assertAmount("89.99", discounted.total());
    }

    @Test
    void theTotalIsTheSumOfRoundedLinesNotTheRoundedSum() {
        // Three lines of 0.005 each round to 0.00 (half-even) one by one: the total is 0.00, not 0.02.
        ProposalPricing.Priced priced = ProposalPricing.price(List.of(
                line("0.5", "0.01", "EUR", null), line("0.5", "0.01", "EUR", null), line("0.5", "0.01", "EUR", null)));
        assertAmount("0.00", priced.total());
    }

    @Test
    void yenHasNoMinorUnit() {
        ProposalPricing.Priced priced = ProposalPricing.price(List.of(line("3", "333", "JPY", "10")));
        assertAmount("999", priced.subtotal());
        assertAmount("100", priced.discount()); // 99.9 -> 100
        assertAmount("899", priced.total());
        ProposalPricing.PricingException e = assertThrows(ProposalPricing.PricingException.class,
                () -> ProposalPricing.price(List.of(line("1", "100.50", "JPY", null))));
        assertEquals("lines[0].unitPrice.amount", e.field());
        // Trailing zeros are not extra precision.
        assertAmount("100", ProposalPricing.price(List.of(line("1", "100.00", "JPY", null))).total());
    }

    @Test
    void threeDigitCurrenciesKeepCentsLikeDealAmounts() {
        assertAmount("1.23", ProposalPricing.price(List.of(line("1", "1.23", "KWD", null))).total());
        assertAmount("0.12", ProposalPricing.price(List.of(line("1", "1.23", "KWD", "10"))).discount());
    }

    @Test
    void aFullDiscountMakesTheLineFree() {
        ProposalPricing.Priced priced = ProposalPricing.price(List.of(line("2", "50.00", "USD", "100")));
        assertAmount("100.00", priced.discount());
        assertAmount("0.00", priced.total());
    }

    @Test
    void allLinesShareTheFirstLinesCurrency() {
        ProposalPricing.PricingException e = assertThrows(ProposalPricing.PricingException.class,
                () -> ProposalPricing.price(List.of(line("1", "1.00", "EUR", null), line("1", "1.00", "USD", null))));
        assertEquals("lines[1].unitPrice.currency", e.field());
    }

    @Test
    void rejectsWhatTheMathsCannotPrice() {
        assertEquals("lines[0].unitPrice.currency", assertThrows(ProposalPricing.PricingException.class,
                () -> ProposalPricing.price(List.of(line("1", "1.00", "XYZ", null)))).field());
        assertEquals("lines", assertThrows(ProposalPricing.PricingException.class,
                () -> ProposalPricing.price(List.of())).field());
        assertEquals("lines[0].discountPercent", assertThrows(ProposalPricing.PricingException.class,
                () -> ProposalPricing.price(List.of(line("1", "1.00", "EUR", "100.01")))).field());
        assertEquals("lines[0].discountPercent", assertThrows(ProposalPricing.PricingException.class,
                () -> ProposalPricing.price(List.of(line("1", "1.00", "EUR", "-1")))).field());
        assertEquals("lines", assertThrows(ProposalPricing.PricingException.class,
                () -> ProposalPricing.price(List.of(line("1000000", "999999999.99", "EUR", null),
                        line("1000000", "999999999.99", "EUR", null)))).field());
        assertAmount("999999999999.99",
                ProposalPricing.price(List.of(line("1", "999999999999.99", "EUR", null))).total());
    }

    @Property(tries = 300)
    void linesAlwaysAddUpAndDiscountsStayWithinTheSubtotal(
            @ForAll("lines") List<ProposalPricing.Line> lines) {
        ProposalPricing.Priced priced = ProposalPricing.price(lines);
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        for (ProposalPricing.PricedLine line : priced.lines()) {
            assertTrue(line.discount().signum() >= 0 && line.discount().compareTo(line.subtotal()) <= 0);
            assertEquals(0, line.total().compareTo(line.subtotal().subtract(line.discount())));
            assertEquals(2, line.total().scale());
            subtotal = subtotal.add(line.subtotal());
            discount = discount.add(line.discount());
        }
        assertEquals(0, priced.subtotal().compareTo(subtotal));
        assertEquals(0, priced.discount().compareTo(discount));
        assertEquals(0, priced.total().compareTo(subtotal.subtract(discount)));
        assertTrue(priced.total().signum() >= 0);
    }

    @Provide
    Arbitrary<List<ProposalPricing.Line>> lines() {
        Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals().between(new BigDecimal("0.0001"),
                new BigDecimal("10000")).ofScale(4);
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000"))
                .ofScale(2);
        Arbitrary<BigDecimal> percent = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100"))
                .ofScale(2).injectNull(0.2);
        return Combinators.combine(quantity, price, percent).as((q, p, d) -> new ProposalPricing.Line(q, p, "EUR", d))
                .list().ofMinSize(1).ofMaxSize(20);
    }
}
