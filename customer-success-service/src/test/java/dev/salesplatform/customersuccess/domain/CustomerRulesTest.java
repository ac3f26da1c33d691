package dev.salesplatform.customersuccess.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.salesplatform.kit.problem.StateConflict;

/** The customer lifecycle and who may do what. */
class CustomerRulesTest {

    static final UUID ME = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    @ParameterizedTest
    @EnumSource(CustomerCommand.class)
    void anActiveCustomerTakesEveryCommand(CustomerCommand command) {
        CustomerStateMachine.check(CustomerStatus.ACTIVE, command);
    }

    @ParameterizedTest
    @EnumSource(value = CustomerCommand.class, names = "EDIT", mode = EnumSource.Mode.EXCLUDE)
    void aChurnedCustomerTakesOnlyProfileEdits(CustomerCommand command) {
        StateConflict e = assertThrows(StateConflict.class,
                () -> CustomerStateMachine.check(CustomerStatus.CHURNED, command));
        assertEquals(CustomerStatus.CHURNED.name(), e.current());
        CustomerStateMachine.check(CustomerStatus.CHURNED, CustomerCommand.EDIT);
    }

    @Test
    void theLastContractEndingChurnsTheCustomer() {
        assertEquals(CustomerStatus.CHURNED, CustomerStateMachine.afterContractEnded(0));
        assertEquals(CustomerStatus.ACTIVE, CustomerStateMachine.afterContractEnded(1));
    }

    @Test
    void aCsmChangesOnlyTheirCustomersAndReadsAll() {
        Actor csm = new Actor(ME, false, true);
        assertTrue(csm.canChange(ME));
        assertFalse(csm.canChange(OTHER));
        assertFalse(csm.canChange(null));
        assertTrue(csm.canRead());
    }

    @Test
    void aCsmClaimsOnlyUnassignedCustomersForThemselves() {
        Actor csm = new Actor(ME, false, true);
        assertTrue(csm.canAssign(null, ME));
        assertTrue(csm.canAssign(ME, ME));
        assertFalse(csm.canAssign(null, OTHER));
        assertFalse(csm.canAssign(OTHER, ME));
        assertFalse(csm.canAssign(ME, OTHER));
    }

    @Test
    void managersDoEverythingOtherRolesNothing() {
        Actor manager = new Actor(ME, true, false);
        assertTrue(manager.canChange(OTHER));
        assertTrue(manager.canChange(null));
        assertTrue(manager.canAssign(OTHER, ME));
        assertTrue(manager.canRead());
        Actor nobody = new Actor(ME, false, false);
        assertFalse(nobody.canRead());
        assertFalse(nobody.canChange(ME));
        assertFalse(nobody.canAssign(null, ME));
    }
}
