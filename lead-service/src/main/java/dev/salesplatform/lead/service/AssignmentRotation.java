package dev.salesplatform.lead.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.lead.config.LeadConfig;
import dev.salesplatform.lead.persistence.AssignmentRotationRepository;
import io.smallrye.mutiny.Uni;

/** Round-robin among the configured SDRs: whose turn it is to own a lead nobody claimed. */
@ApplicationScoped
public class AssignmentRotation {

    private final LeadConfig config;
    private final AssignmentRotationRepository turns;

    @Inject
    public AssignmentRotation(LeadConfig config, AssignmentRotationRepository turns) {
        this.config = config;
        this.turns = turns;
    }

    /** The next SDR in turn (taking the turn in the caller's transaction), or null when no rotation is configured. */
    public Uni<UUID> next() {
        List<UUID> sdrs = config.roundRobinSdrs().orElse(List.of());
        if (sdrs.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return turns.nextPosition().map(position -> sdrs.get((int) ((position - 1) % sdrs.size())));
    }

    /** A turn taken: its SDR, or null when no rotation is configured. */
    public record Turn(UUID owner) {
    }

    /**
     * The next turn, unless an open lead has {@code email}: then none is taken and the answer is null.
     * Without a rotation configured, a turn with no owner (and no query).
     */
    public Uni<Turn> nextUnlessOpen(String email) {
        List<UUID> sdrs = config.roundRobinSdrs().orElse(List.of());
        if (sdrs.isEmpty()) {
            return Uni.createFrom().item(new Turn(null));
        }
        return turns.advanceUnlessOpen(email)
                .map(position -> position == null ? null : new Turn(sdrs.get((int) ((position - 1) % sdrs.size()))));
    }

    /**
     * The SDRs of the next {@code count} turns, in turn order, taken in one step; nulls when no rotation
     * is configured.
     */
    public Uni<List<UUID>> next(int count) {
        List<UUID> sdrs = config.roundRobinSdrs().orElse(List.of());
        if (sdrs.isEmpty() || count == 0) {
            return Uni.createFrom().item(Collections.nCopies(count, null));
        }
        return turns.advance(count).map(last -> {
            List<UUID> owners = new ArrayList<>(count);
            for (long position = last - count + 1; position <= last; position++) {
                owners.add(sdrs.get((int) ((position - 1) % sdrs.size())));
            }
            return owners;
        });
    }
}
