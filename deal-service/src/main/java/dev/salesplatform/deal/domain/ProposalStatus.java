package dev.salesplatform.deal.domain;

/**
 * Where a proposal stands. EXPIRED is never stored: a DRAFT or SENT proposal past its validity date
 * reads as EXPIRED ({@link ProposalStateMachine#effective}).
 */
public enum ProposalStatus {
    DRAFT, SENT, ACCEPTED, REJECTED, EXPIRED
}
