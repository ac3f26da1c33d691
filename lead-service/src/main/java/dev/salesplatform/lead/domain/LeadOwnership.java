package dev.salesplatform.lead.domain;

import java.util.UUID;

/** Who owns a lead when it is created: an SDR who captures a lead owns it; others leave it unassigned. */
public final class LeadOwnership {

    private LeadOwnership() {
    }

    public static UUID initialOwner(UUID creator, boolean creatorIsSdr) {
        return creatorIsSdr ? creator : null;
    }
}
