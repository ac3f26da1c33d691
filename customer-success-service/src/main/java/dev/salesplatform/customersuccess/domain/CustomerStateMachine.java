package dev.salesplatform.customersuccess.domain;

import java.util.Locale;

import dev.salesplatform.kit.problem.StateConflict;

/**
 * The customer lifecycle: an ACTIVE customer takes every command; a CHURNED one only profile edits
 * (its record stays correctable), never new touchpoints, revenue, renewals or a second churn. A
 * won-back company becomes a new customer (onboarding matches ACTIVE customers only).
 */
public final class CustomerStateMachine {

    private CustomerStateMachine() {
    }

    /** Throws {@link StateConflict} when {@code command} is not allowed in {@code current}. */
    public static void check(CustomerStatus current, CustomerCommand command) {
        if (current == CustomerStatus.CHURNED && command != CustomerCommand.EDIT) {
            throw new StateConflict(current, command, "A " + current + " customer takes no "
                    + command.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    /** The status after the customer's last contract ended: CHURNED when none remains in force. */
    public static CustomerStatus afterContractEnded(int contractsStillActive) {
        return contractsStillActive > 0 ? CustomerStatus.ACTIVE : CustomerStatus.CHURNED;
    }
}
