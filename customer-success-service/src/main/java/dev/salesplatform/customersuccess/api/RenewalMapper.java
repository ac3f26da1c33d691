package dev.salesplatform.customersuccess.api;

import dev.salesplatform.customersuccess.service.RenewalView;

/** A renewal as the API shows it. */
final class RenewalMapper {

    private RenewalMapper() {
    }

    static RenewalResponse renewal(RenewalView r) {
        return new RenewalResponse(r.id(), r.customerId(), r.companyName(), r.contractId(), r.csmId(), r.dueDate(),
                r.currentMrr(), r.status(), r.newContractId(), r.churnReason(), r.churnNote(), r.decidedBy(),
                r.decidedAt(), r.createdAt(), r.updatedAt(), r.version());
    }
}
