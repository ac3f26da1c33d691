package dev.salesplatform.customersuccess.api;


import dev.salesplatform.customersuccess.domain.Actor;
import dev.salesplatform.customersuccess.service.CheckInView;
import dev.salesplatform.customersuccess.service.ContractView;
import dev.salesplatform.customersuccess.service.CustomerContact;
import dev.salesplatform.customersuccess.service.CustomerEdit;
import dev.salesplatform.customersuccess.service.CustomerView;
import dev.salesplatform.customersuccess.service.FeedbackView;
import dev.salesplatform.customersuccess.service.HealthView;
import dev.salesplatform.customersuccess.service.ReferralContact;
import dev.salesplatform.customersuccess.service.ReferralDraft;
import dev.salesplatform.customersuccess.service.ReferralView;
import dev.salesplatform.customersuccess.service.ReviewView;
import dev.salesplatform.kit.security.Caller;

/** Between the customer API's bodies and the service's commands and views; and who the caller is. */
final class CustomerMapper {

    private CustomerMapper() {
    }

    /** The caller as the customer rules see them. */
    static Actor actor(Caller caller) {
        return new Actor(caller.id(), caller.has(Caller.SALES_MANAGER) || caller.has(Caller.ADMIN),
                caller.has(Caller.CUSTOMER_SUCCESS));
    }

    static CustomerResponse customer(CustomerView c) {
        return new CustomerResponse(c.id(), c.companyName(), c.domain(), contact(c.contact()), c.notes(), c.status(),
                c.csmId(), c.leadId(), c.dealId(), c.mrr(),
                c.contracts().stream().map(CustomerMapper::contract).toList(),
                health(c.health()), c.nextRenewalDate(), c.lastTouchpointAt(),
                c.churn() == null ? null : new CustomerResponse.Churn(c.churn().reason(), c.churn().churnedAt()),
                c.createdAt(), c.updatedAt(), c.version());
    }

    static ContractDto contract(ContractView c) {
        return new ContractDto(c.id(), c.customerId(), c.dealId(), c.renewalId(), c.startDate(), c.endDate(),
                c.termMonths(), c.mrr(), c.status(), c.createdAt(), c.updatedAt(), c.version());
    }

    /** The profile a merge patch applies to. */
    static CustomerPatch patch(CustomerEdit edit) {
        return new CustomerPatch(edit.companyName(), edit.domain(), contact(edit.contact()), edit.notes());
    }

    /** The patched profile for the service. */
    static CustomerEdit edit(CustomerPatch patch) {
        ContactDto contact = patch.contact();
        return new CustomerEdit(patch.companyName(), patch.domain(), contact == null ? null
                : new CustomerContact(contact.firstName(), contact.lastName(), contact.email(), contact.phone()),
                patch.notes());
    }

    static CheckInResponse checkIn(CheckInView c) {
        return new CheckInResponse(c.id(), c.customerId(), c.type(), c.sentiment(), c.notes(), c.recordedBy(),
                c.recordedAt());
    }

    static FeedbackResponse feedback(FeedbackView f) {
        return new FeedbackResponse(f.id(), f.customerId(), f.score(), f.category(), f.comment(), f.recordedBy(),
                f.recordedAt());
    }

    static ReviewResponse review(ReviewView r) {
        return new ReviewResponse(r.id(), r.customerId(), r.platform(), r.rating(), r.url(), r.recordedBy(),
                r.recordedAt());
    }

    static ReferralDraft referral(ReferralRequest request) {
        ReferralRequest.Contact c = request.contact();
        return new ReferralDraft(request.companyName(), new ReferralContact(c.firstName(), c.lastName(), c.email(),
                c.phone(), c.title()), request.note());
    }

    static ReferralResponse referral(ReferralView r) {
        ReferralContact c = r.contact();
        return new ReferralResponse(r.id(), r.customerId(), r.companyName(), new ReferralRequest.Contact(c.firstName(),
                c.lastName(), c.email(), c.phone(), c.title()), r.note(), r.recordedBy(), r.recordedAt());
    }

    private static HealthDto health(HealthView h) {
        return new HealthDto(h.score(), h.band(), h.reasons().stream()
                .map(r -> new HealthDto.Reason(r.code(), r.points(), r.text())).toList(), h.computedOn());
    }

    private static ContactDto contact(CustomerContact c) {
        return c == null ? null : new ContactDto(c.firstName(), c.lastName(), c.email(), c.phone());
    }
}
