package dev.salesplatform.customersuccess.domain;

import java.util.UUID;

/** Who acts on a customer, as far as the customer rules care. */
public record Actor(UUID id, boolean manager, boolean csm) {

    /** Managers and admins change every customer; a CSM only the customers assigned to them. */
    public boolean canChange(UUID customerCsmId) {
        return manager || (csm && id.equals(customerCsmId));
    }

    /**
     * Managers assign anyone to any customer; a CSM only claims an unassigned customer (or their own,
     * which is then a no-op the service refuses) for themselves.
     */
    public boolean canAssign(UUID currentCsmId, UUID newCsmId) {
        return manager || (csm && id.equals(newCsmId) && (currentCsmId == null || currentCsmId.equals(id)));
    }

    /** The whole team reads every customer: CSMs cover for each other. */
    public boolean canRead() {
        return manager || csm;
    }
}
