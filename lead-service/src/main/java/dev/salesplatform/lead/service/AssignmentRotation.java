package dev.salesplatform.lead.service;

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
}
