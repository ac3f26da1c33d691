package dev.salesplatform.deal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Proposal money maths, all in BigDecimal. Per line: subtotal = quantity x unit price, discount =
 * subtotal x discount percent / 100, total = subtotal - discount, each rounded half-even to the
 * currency's minor unit (0 digits for JPY, 2 for EUR; at most 2: a proposal prices to cents at the
 * finest). The proposal's subtotal, discount and total are the sums of its lines', so the lines always add
 * up to the total shown.
 */
public final class ProposalPricing {

    /** The largest amount a deal can carry. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ProposalPricing() {
    }

    /** One line as the caller gives it; {@code discountPercent} 0 to 100. */
    public record Line(BigDecimal quantity, BigDecimal unitPrice, String currency, BigDecimal discountPercent) {
    }

    public record PricedLine(BigDecimal subtotal, BigDecimal discount, BigDecimal total) {
    }

    public record Priced(String currency, List<PricedLine> lines, BigDecimal subtotal, BigDecimal discount,
                         BigDecimal total) {
    }

    /** Input the maths cannot accept; {@code field} names it as the API does (e.g. lines[1].unitPrice.currency). */
    public static class PricingException extends RuntimeException {

        private final String field;

        PricingException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Prices {@code lines}, all in the first line's currency. */
    public static Priced price(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new PricingException("lines", "must have at least one line");
        }
        String currency = lines.get(0).currency();
        int scale = scale(currency);
        List<PricedLine> priced = new ArrayList<>(lines.size());
        BigDecimal subtotal = BigDecimal.ZERO.setScale(scale);
        BigDecimal discount = BigDecimal.ZERO.setScale(scale);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "]";
            if (!line.currency().equals(currency)) {
                throw new PricingException(at + ".unitPrice.currency", "must be " + currency + " like the first line");
            }
            if (line.unitPrice().stripTrailingZeros().scale() > scale) {
                throw new PricingException(at + ".unitPrice.amount",
                        currency + " amounts have at most " + scale + " decimal places");
            }
            BigDecimal percent = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                throw new PricingException(at + ".discountPercent", "must be between 0 and 100");
            }
            BigDecimal lineSubtotal = line.quantity().multiply(line.unitPrice()).setScale(scale, RoundingMode.HALF_EVEN);
            BigDecimal lineDiscount = lineSubtotal.multiply(percent).divide(HUNDRED, scale, RoundingMode.HALF_EVEN);
            priced.add(new PricedLine(lineSubtotal, lineDiscount, lineSubtotal.subtract(lineDiscount)));
            subtotal = subtotal.add(lineSubtotal);
            discount = discount.add(lineDiscount);
        }
        if (subtotal.compareTo(MAX_AMOUNT) > 0) {
            throw new PricingException("lines", "the subtotal must not exceed " + MAX_AMOUNT.toPlainString());
        }
        return new Priced(currency, List.copyOf(priced), subtotal, discount, subtotal.subtract(discount));
    }

    /** Decimal places of {@code currency}'s amounts: its minor unit, at most 2. */
    private static int scale(String currency) {
        int digits;
        try {
            digits = Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PricingException("lines[0].unitPrice.currency", "must be an ISO-4217 currency code");
        }
        // Pseudo-currencies such as XAU have no minor unit defined (-1): keep cents.
        return digits < 0 ? 2 : Math.min(digits, 2);
    }
}
