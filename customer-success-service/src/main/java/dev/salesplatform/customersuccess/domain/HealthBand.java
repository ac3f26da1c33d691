package dev.salesplatform.customersuccess.domain;

/** GREEN (70-100), YELLOW (40-69), RED (0-39); see docs/customer-health.md. */
public enum HealthBand {
    GREEN, YELLOW, RED;

    public static HealthBand of(int score) {
        if (score >= 70) {
            return GREEN;
        }
        return score >= 40 ? YELLOW : RED;
    }
}
