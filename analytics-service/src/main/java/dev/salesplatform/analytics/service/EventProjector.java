package dev.salesplatform.analytics.service;

import static dev.salesplatform.analytics.persistence.ProjectionWrites.MovementKind.CHURN;
import static dev.salesplatform.analytics.persistence.ProjectionWrites.MovementKind.CONTRACTION;
import static dev.salesplatform.analytics.persistence.ProjectionWrites.MovementKind.EXPANSION;
import static dev.salesplatform.analytics.persistence.ProjectionWrites.MovementKind.NEW;
import static dev.salesplatform.analytics.persistence.ProjectionWrites.RenewalOutcome.CHURNED;
import static dev.salesplatform.analytics.persistence.ProjectionWrites.RenewalOutcome.RENEWED;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.salesplatform.analytics.persistence.ProjectionWriter.EventWrites;
import dev.salesplatform.analytics.persistence.ProjectionWrites;
import dev.salesplatform.analytics.persistence.ProjectionWrites.MovementKind;
import dev.salesplatform.analytics.persistence.ProjectionWrites.Write;
import dev.salesplatform.analytics.service.SalesEvent.CustomerAssigned;
import dev.salesplatform.analytics.service.SalesEvent.CustomerChurned;
import dev.salesplatform.analytics.service.SalesEvent.CustomerContracted;
import dev.salesplatform.analytics.service.SalesEvent.CustomerEvent;
import dev.salesplatform.analytics.service.SalesEvent.CustomerExpanded;
import dev.salesplatform.analytics.service.SalesEvent.CustomerOnboarded;
import dev.salesplatform.analytics.service.SalesEvent.CustomerRenewed;
import dev.salesplatform.analytics.service.SalesEvent.DealCreated;
import dev.salesplatform.analytics.service.SalesEvent.DealLost;
import dev.salesplatform.analytics.service.SalesEvent.DealStageChanged;
import dev.salesplatform.analytics.service.SalesEvent.DealUpdated;
import dev.salesplatform.analytics.service.SalesEvent.DealWon;
import dev.salesplatform.analytics.service.SalesEvent.FeedbackRecorded;
import dev.salesplatform.analytics.service.SalesEvent.LeadActivityLogged;
import dev.salesplatform.analytics.service.SalesEvent.LeadChanged;
import dev.salesplatform.analytics.service.SalesEvent.LeadCreated;
import dev.salesplatform.kit.money.Money;

/**
 * Turns one event into its projection rows. Every write is commutative (see {@link ProjectionWrites}),
 * so the figures are the same whatever order the events of different topics (or, during a rebuild, of
 * one aggregate) arrive in, and a replay from offset 0 equals the live result.
 */
final class EventProjector {

    private EventProjector() {
    }

    static EventWrites writes(LoggedEvent logged) {
        return new EventWrites(logged.topic(), logged.partition(), logged.id(), logged.time(), rows(logged));
    }

    private static List<Write> rows(LoggedEvent logged) {
        Instant at = logged.time();
        return switch (logged.event()) {
            case LeadCreated e -> List.of(ProjectionWrites.leadCreated(e.lead(), at, e.source()),
                    ProjectionWrites.leadOwner(e.lead(), e.owner(), e.version()));
            // An activity that leaves the lead NEW (a note, say) is no contact.
            case LeadActivityLogged e -> "NEW".equals(e.status())
                    ? List.of(ProjectionWrites.leadOwner(e.lead(), e.owner(), e.version()))
                    : List.of(ProjectionWrites.leadOwner(e.lead(), e.owner(), e.version()),
                            ProjectionWrites.leadContacted(e.lead(), at));
            case LeadChanged e -> leadChanged(e, at);
            case DealCreated e -> List.of(ProjectionWrites.dealCreated(e.deal(), e.lead(), e.pipeline(), at),
                    ProjectionWrites.dealOwner(e.deal(), e.owner(), e.version()),
                    ProjectionWrites.dealStage(e.deal(), e.stage(), e.winProbability(), e.version()),
                    ProjectionWrites.dealAmount(e.deal(), e.amount().amount(), e.version()),
                    ProjectionWrites.dealCurrency(e.deal(), e.amount().currency(), e.version()),
                    ProjectionWrites.dealExpectedClose(e.deal(), e.expectedClose(), e.version()));
            case DealUpdated e -> dealUpdated(e);
            case DealStageChanged e -> dealStageChanged(e);
            case DealWon e -> dealWon(e, at);
            case DealLost e -> List.of(ProjectionWrites.dealOwner(e.deal(), e.owner(), e.version()),
                    ProjectionWrites.dealStage(e.deal(), e.stage(), BigDecimal.ZERO, e.version()),
                    ProjectionWrites.dealLost(e.deal(), e.lead(), at, e.reason()));
            case CustomerEvent e -> customer(e, logged.id(), at);
        };
    }

    private static List<Write> leadChanged(LeadChanged e, Instant at) {
        Write owner = ProjectionWrites.leadOwner(e.lead(), e.owner(), e.version());
        if (e.reached() == null) {
            return List.of(owner);
        }
        return List.of(owner, switch (e.reached()) {
            case QUALIFIED -> ProjectionWrites.leadQualified(e.lead(), at);
            case HANDED_OFF -> ProjectionWrites.leadHandedOff(e.lead(), at);
        });
    }

    /** deal.updated.v1 names each changed field: only those are written. */
    private static List<Write> dealUpdated(DealUpdated e) {
        List<Write> writes = new ArrayList<>();
        if (e.amount() != null) {
            writes.add(ProjectionWrites.dealAmount(e.deal(), e.amount(), e.version()));
        }
        if (e.currency() != null) {
            writes.add(ProjectionWrites.dealCurrency(e.deal(), e.currency(), e.version()));
        }
        if (e.expectedCloseChanged()) {
            writes.add(ProjectionWrites.dealExpectedClose(e.deal(), e.expectedClose(), e.version()));
        }
        return writes;
    }

    private static List<Write> dealStageChanged(DealStageChanged e) {
        List<Write> writes = new ArrayList<>(List.of(ProjectionWrites.dealOwner(e.deal(), e.owner(), e.version()),
                ProjectionWrites.dealStage(e.deal(), e.stage(), e.winProbability(), e.version())));
        if (e.amount() != null) {
            writes.add(ProjectionWrites.dealAmount(e.deal(), e.amount().amount(), e.version()));
            writes.add(ProjectionWrites.dealCurrency(e.deal(), e.amount().currency(), e.version()));
        }
        return writes;
    }

    private static List<Write> dealWon(DealWon e, Instant at) {
        List<Write> writes = new ArrayList<>(List.of(ProjectionWrites.dealOwner(e.deal(), e.owner(), e.version()),
                ProjectionWrites.dealStage(e.deal(), e.stage(), BigDecimal.ONE, e.version()),
                ProjectionWrites.dealWon(e.deal(), e.lead(), at, e.finalAmount().amount(), e.finalAmount().currency())));
        if (e.lead() != null) {
            writes.add(ProjectionWrites.leadWon(e.lead(), at));
        }
        return writes;
    }

    /**
     * MRR as signed movements: onboarding NEW (+), expansions EXPANSION (+, a further won deal included),
     * contractions CONTRACTION (-, a contract not renewed included), churn CHURN (- every lost MRR).
     */
    private static List<Write> customer(CustomerEvent event, String eventId, Instant at) {
        UUID customer = event.customer();
        List<Write> writes = new ArrayList<>();
        writes.add(ProjectionWrites.customerCsm(customer, event.csm(), event.version()));
        switch (event) {
            case CustomerOnboarded e -> {
                writes.add(ProjectionWrites.customerOnboarded(customer, at));
                writes.add(movement(eventId, customer, at, NEW, e.mrr(), 1));
            }
            case CustomerExpanded e -> writes.add(movement(eventId, customer, at, EXPANSION, e.delta(), 1));
            case CustomerContracted e -> {
                writes.add(movement(eventId, customer, at, CONTRACTION, e.delta(), -1));
                if (e.notRenewed() != null) {
                    writes.add(ProjectionWrites.renewalOutcome(e.notRenewed(), customer, CHURNED, at));
                }
            }
            case CustomerChurned e -> {
                writes.add(ProjectionWrites.customerChurned(customer, at));
                for (Money lost : e.mrrLost()) {
                    writes.add(movement(eventId, customer, at, CHURN, lost, -1));
                }
                if (e.renewal() != null) {
                    writes.add(ProjectionWrites.renewalOutcome(e.renewal(), customer, CHURNED, at));
                }
                for (UUID closed : e.closedRenewals()) {
                    writes.add(ProjectionWrites.renewalOutcome(closed, customer, CHURNED, at));
                }
            }
            case CustomerAssigned e -> {
                // The CSM write above is the whole effect.
            }
            case CustomerRenewed e -> writes.add(ProjectionWrites.renewalOutcome(e.renewal(), customer, RENEWED, at));
            case FeedbackRecorded e -> writes.add(ProjectionWrites.npsResponse(eventId, customer, at, e.score()));
        }
        return writes;
    }

    private static Write movement(String eventId, UUID customer, Instant at, MovementKind kind, Money money, int sign) {
        return ProjectionWrites.mrrMovement(eventId, money.currency(), customer, at, kind,
                sign < 0 ? money.amount().negate() : money.amount());
    }
}
