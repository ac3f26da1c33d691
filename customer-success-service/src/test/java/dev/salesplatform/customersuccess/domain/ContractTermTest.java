package dev.salesplatform.customersuccess.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ContractTermTest {

    @Test
    void theEndDateIsExclusiveStartPlusTheTerm() {
        assertEquals(LocalDate.of(2028, 4, 1), ContractTerm.endDate(LocalDate.of(2027, 4, 1), 12));
        // Month ends clamp: a month after 31 January is 28 February (the next term starts that day).
        assertEquals(LocalDate.of(2027, 2, 28), ContractTerm.endDate(LocalDate.of(2027, 1, 31), 1));
        assertEquals(LocalDate.of(2037, 4, 1), ContractTerm.endDate(LocalDate.of(2027, 4, 1), 120));
        assertThrows(IllegalArgumentException.class, () -> ContractTerm.endDate(LocalDate.of(2027, 4, 1), 0));
        assertThrows(IllegalArgumentException.class, () -> ContractTerm.endDate(LocalDate.of(2027, 4, 1), 121));
    }

    @Test
    void theRenewalOpensTheConfiguredDaysBeforeTheEnd() {
        LocalDate end = LocalDate.of(2028, 4, 1);
        assertEquals(LocalDate.of(2028, 1, 2), ContractTerm.renewalOpensOn(end, 90));
        assertFalse(ContractTerm.renewalDue(end, 90, LocalDate.of(2028, 1, 1)));
        assertTrue(ContractTerm.renewalDue(end, 90, LocalDate.of(2028, 1, 2)));
        assertTrue(ContractTerm.renewalDue(end, 90, LocalDate.of(2029, 1, 1)));
    }
}
