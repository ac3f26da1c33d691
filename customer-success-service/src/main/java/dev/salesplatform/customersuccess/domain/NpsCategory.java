package dev.salesplatform.customersuccess.domain;

/** Net Promoter Score category of one answer: NPS = % promoters - % detractors. */
public enum NpsCategory {
    PROMOTER, PASSIVE, DETRACTOR;

    /** 9-10 PROMOTER, 7-8 PASSIVE, 0-6 DETRACTOR. */
    public static NpsCategory of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("an NPS answer is 0 to 10, not " + score);
        }
        if (score >= 9) {
            return PROMOTER;
        }
        return score >= 7 ? PASSIVE : DETRACTOR;
    }
}
