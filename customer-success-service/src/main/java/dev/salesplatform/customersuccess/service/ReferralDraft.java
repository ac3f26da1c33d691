package dev.salesplatform.customersuccess.service;

/** A referral to record: the referred company (optional), its contact and a note. */
public record ReferralDraft(String companyName, ReferralContact contact, String note) {
}
