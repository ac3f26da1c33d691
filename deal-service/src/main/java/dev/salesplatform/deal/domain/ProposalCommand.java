package dev.salesplatform.deal.domain;

/** What can be done to a proposal; {@link ProposalStateMachine} says in which status. */
public enum ProposalCommand {
    SEND, ACCEPT, REJECT
}
