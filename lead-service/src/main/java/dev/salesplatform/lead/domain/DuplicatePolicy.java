package dev.salesplatform.lead.domain;

/** What an import does with a row whose email matches an open lead. */
public enum DuplicatePolicy {
    /** Keep the existing lead as it is; the row counts as skipped. */
    SKIP,
    /** Apply the row's non-empty fields to the existing lead; the row counts as updated. */
    UPDATE
}
