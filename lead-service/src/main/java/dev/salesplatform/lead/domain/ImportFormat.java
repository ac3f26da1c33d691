package dev.salesplatform.lead.domain;

/** How the body of an import is written: CSV with a header row, or a JSON array of lead objects. */
public enum ImportFormat {
    CSV, JSON
}
