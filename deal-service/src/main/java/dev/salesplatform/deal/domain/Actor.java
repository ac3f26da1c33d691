package dev.salesplatform.deal.domain;

import java.util.UUID;

/** Who acts on a deal, as far as the deal rules care. */
public record Actor(UUID id, boolean manager, boolean accountExecutive, boolean specialist) {

    /** Managers and admins work every deal; an account executive only deals they own. */
    public boolean canWork(UUID ownerId) {
        return manager || (accountExecutive && id.equals(ownerId));
    }

    /** Besides those who work it, sales specialists read every deal (read-only for now). */
    public boolean canRead(UUID ownerId) {
        return canWork(ownerId) || specialist;
    }

    /** Whether this actor sees every deal in lists, rather than only their own. */
    public boolean readsAll() {
        return manager || specialist;
    }
}
