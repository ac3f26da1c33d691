package dev.salesplatform.deal.domain;

/** A proposal command its (effective) status does not allow. */
public class IllegalProposalTransitionException extends RuntimeException {

    private final ProposalStatus current;

    public IllegalProposalTransitionException(ProposalStatus current, ProposalCommand command) {
        super("A " + current + " proposal cannot be " + switch (command) {
            case SEND -> "sent";
            case ACCEPT -> "accepted";
            case REJECT -> "rejected";
        } + (current == ProposalStatus.EXPIRED ? "; its validity date has passed, make a new version" : ""));
        this.current = current;
    }

    public ProposalStatus current() {
        return current;
    }
}
