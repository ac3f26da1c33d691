package dev.salesplatform.analytics.domain;

/**
 * What a target measures, per role: an account executive's won REVENUE (money), an SDR's
 * QUALIFIED_LEADS (count), a CSM's NRR (ratio, e.g. 1.05) or RETAINED_MRR (money: MRR_S + expansion -
 * contraction - churn of the customers they had at the period's start).
 */
public enum TargetMetric {
    REVENUE(RepRole.AE, true), QUALIFIED_LEADS(RepRole.SDR, false), NRR(RepRole.CSM, false),
    RETAINED_MRR(RepRole.CSM, true);

    private final RepRole role;
    private final boolean money;

    TargetMetric(RepRole role, boolean money) {
        this.role = role;
        this.money = money;
    }

    public RepRole role() {
        return role;
    }

    public boolean money() {
        return money;
    }
}
