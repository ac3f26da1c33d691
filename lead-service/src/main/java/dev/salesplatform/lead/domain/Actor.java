package dev.salesplatform.lead.domain;

import java.util.UUID;

/** Who acts on a lead, as far as the lead rules care. */
public record Actor(UUID id, boolean manager, boolean sdr) {

    /** Managers and admins work every lead; an SDR only leads they own. */
    public boolean canWork(UUID ownerId) {
        return manager || (sdr && id.equals(ownerId));
    }

    /**
     * Managers assign to anyone; an SDR may only claim an unassigned lead for themselves.
     */
    public boolean canAssign(UUID currentOwner, UUID newOwner) {
        return manager || (sdr && currentOwner == null && id.equals(newOwner));
    }
}
