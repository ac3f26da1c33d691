package dev.salesplatform.customersuccess.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.salesplatform.customersuccess.config.RenewalsConfig;
import dev.salesplatform.customersuccess.domain.CompanyMatch;
import dev.salesplatform.customersuccess.domain.ContractStatus;
import dev.salesplatform.customersuccess.domain.ContractTerm;
import dev.salesplatform.customersuccess.domain.CustomerStatus;
import dev.salesplatform.customersuccess.domain.HealthScore;
import dev.salesplatform.customersuccess.domain.MovementKind;
import dev.salesplatform.customersuccess.messaging.CustomerEvents;
import dev.salesplatform.customersuccess.persistence.Contract;
import dev.salesplatform.customersuccess.persistence.ContractRepository;
import dev.salesplatform.customersuccess.persistence.Customer;
import dev.salesplatform.customersuccess.persistence.CustomerRepository;
import dev.salesplatform.customersuccess.persistence.RevenueMovement;
import dev.salesplatform.customersuccess.persistence.RevenueMovementRepository;
import dev.salesplatform.kit.id.UuidV7;
import dev.salesplatform.kit.messaging.InvalidEventException;
import dev.salesplatform.kit.time.Times;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Turns a won deal into a customer with its contract, once per deal. A deal of a company that is
 * already an ACTIVE customer (same name ignoring case and spacing, or same company e-mail domain)
 * adds a contract to it: an expansion of kind NEW_CONTRACT, not a second customer.
 */
@ApplicationScoped
public class OnboardingService {

    private static final Logger LOG = Logger.getLogger(OnboardingService.class);

    private final Clock clock;
    private final CustomerChanges changes;
    private final CustomerRepository customers;
    private final ContractRepository contracts;
    private final RevenueMovementRepository movements;
    private final CsmRotation rotation;
    private final HealthService healthService;
    private final RenewalsConfig renewalsConfig;
    private final CustomerEvents events;

    @Inject
    public OnboardingService(Clock clock, CustomerChanges changes, CustomerRepository customers,
                             ContractRepository contracts, RevenueMovementRepository movements, CsmRotation rotation,
                             HealthService healthService, RenewalsConfig renewalsConfig, CustomerEvents events) {
        this.clock = clock;
        this.changes = changes;
        this.customers = customers;
        this.contracts = contracts;
        this.movements = movements;
        this.rotation = rotation;
        this.healthService = healthService;
        this.renewalsConfig = renewalsConfig;
        this.events = events;
    }

    /** Runs in the consumer's transaction (with the processed-event row). */
    @WithTransaction
    public Uni<Void> onboard(WonDeal deal, String actor) {
        String domain = CompanyMatch.domainOf(deal.contactEmail());
        String key = CompanyMatch.key(deal.companyName());
        return contracts.findByDeal(deal.dealId()).chain(existing -> {
            if (existing != null) {
                LOG.infof("Deal %s already has contract %s; nothing to onboard", deal.dealId(), existing.id);
                return Uni.createFrom().voidItem();
            }
            return customers.findActiveMatch(key, domain).chain(match -> match == null
                    ? newCustomer(deal, domain, actor)
                    : changes.load(match.id).chain(customer -> addContract(customer, deal, actor)));
        });
    }

    private Uni<Void> newCustomer(WonDeal deal, String domain, String actor) {
        Instant at = Times.now(clock);
        LocalDate today = HealthService.day(at);
        return rotation.next().chain(csm -> {
            Customer customer = new Customer();
            customer.id = UuidV7.next();
            customer.companyName = companyName(deal);
            // A deal without a company names a person: such customers never match by name.
            customer.companyKey = deal.companyName() == null || deal.companyName().isBlank()
                    ? "deal:" + deal.dealId() : CompanyMatch.key(customer.companyName);
            customer.domain = domain;
            customer.contactFirstName = deal.contactFirstName();
            customer.contactLastName = deal.contactLastName();
            customer.contactEmail = deal.contactEmail();
            customer.contactPhone = deal.contactPhone();
            customer.status = CustomerStatus.ACTIVE;
            customer.csmId = csm;
            customer.leadId = deal.leadId();
            customer.dealId = deal.dealId();
            customer.createdAt = at;
            customer.updatedAt = at;
            Contract contract = contract(customer, deal, at);
            customer.contracts = new ArrayList<>(List.of(contract));
            CustomerChanges.refreshNextRenewal(customer);
            // A new customer has no touchpoints, feedback or movements yet: only its renewal can count.
            LocalDate due = ContractTerm.renewalDue(contract.endDate, renewalsConfig.openDaysBefore(), today)
                    ? contract.endDate : null;
            healthService.apply(customer, HealthScore.of(new HealthScore.Input(today, today, null, List.of(), null,
                    due, List.of())), today);
            return customers.persist(customer).chain(() -> contracts.persist(contract))
                    .chain(() -> contracts.flush())
                    .chain(() -> changes.openIfDue(contract, today, at))
                    .chain(renewal -> customers.flush()
                            .chain(() -> events.onboarded(customer, contract, actor))
                            .chain(() -> renewal == null ? Uni.createFrom().voidItem()
                                    : events.renewalOpened(customer, renewal, actor)));
        });
    }

    private Uni<Void> addContract(Customer customer, WonDeal deal, String actor) {
        long inForce = customer.contracts.stream().filter(c -> c.status == ContractStatus.ACTIVE).count();
        if (inForce >= ContractTerm.MAX_IN_FORCE) {
            throw new InvalidEventException("won deal " + deal.dealId() + " would be the " + (inForce + 1)
                    + "th contract in force of customer " + customer.id + "; a customer holds at most "
                    + ContractTerm.MAX_IN_FORCE + ": let some end at their renewal, then redeliver this dead letter");
        }
        Instant at = Times.now(clock);
        Contract contract = contract(customer, deal, at);
        customer.contracts.add(contract);
        RevenueMovement movement = RevenueService.movement(contract, true, MovementKind.NEW_CONTRACT,
                BigDecimal.ZERO, contract.mrrAmount, "New contract from won deal", actor, at);
        movement.dealId = deal.dealId();
        return contracts.persist(contract).chain(() -> movements.persist(movement)).chain(() -> contracts.flush())
                .chain(() -> changes.openIfDue(contract, HealthService.day(at), at))
                .chain(renewal -> changes.commit(customer, actor, at, null, c -> {
                }, () -> events.revenueMoved(customer, movement)
                        .chain(() -> renewal == null ? Uni.createFrom().voidItem()
                                : events.renewalOpened(customer, renewal, actor))));
    }

    private static Contract contract(Customer customer, WonDeal deal, Instant at) {
        Contract contract = new Contract();
        contract.id = UuidV7.next();
        contract.customerId = customer.id;
        contract.dealId = deal.dealId();
        contract.startDate = deal.startDate();
        contract.termMonths = deal.termMonths();
        contract.endDate = ContractTerm.endDate(deal.startDate(), deal.termMonths());
        contract.mrrAmount = deal.mrr();
        contract.currency = deal.currency();
        contract.status = ContractStatus.ACTIVE;
        contract.createdAt = at;
        contract.updatedAt = at;
        return contract;
    }

    /** The company, or for a deal without one the contact's name (a person as customer). */
    private static String companyName(WonDeal deal) {
        if (deal.companyName() != null && !deal.companyName().isBlank()) {
            return deal.companyName().strip();
        }
        String person = String.join(" ", deal.contactFirstName() == null ? "" : deal.contactFirstName(),
                deal.contactLastName() == null ? "" : deal.contactLastName()).strip();
        return person.isEmpty() ? "Customer of deal " + deal.dealId() : person;
    }
}
