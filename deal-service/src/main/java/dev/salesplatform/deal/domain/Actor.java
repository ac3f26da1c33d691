package dev.salesplatform.deal.domain;

import java.util.Set;
import java.util.UUID;

/** Who acts on a deal, as far as the deal rules care. */
public record Actor(UUID id, boolean manager, boolean accountExecutive, boolean specialist) {

    /**
     * Managers and admins work every deal; an account executive the deals they own; an account
     * executive or sales specialist the deals whose team they are on ({@code team}: member ids).
     */
    public boolean canWork(UUID ownerId, Set<UUID> team) {
        return canClose(ownerId) || ((accountExecutive || specialist) && team.contains(id));
    }

    /** Winning, losing and changing the team stay with the owning account executive and managers. */
    public boolean canClose(UUID ownerId) {
        return manager || (accountExecutive && id.equals(ownerId));
    }

    /** Reading follows working: owners, team members and managers. */
    public boolean canRead(UUID ownerId, Set<UUID> team) {
        return canWork(ownerId, team);
    }

    /** Whether this actor sees every deal in lists, rather than only those they own or are on. */
    public boolean readsAll() {
        return manager;
    }
}
