package dev.salesplatform.customersuccess.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyMatchTest {

    @Test
    void companyNamesCompareWithoutCaseOrExtraSpaces() {
        assertEquals("analytical engines ltd", CompanyMatch.key("  Analytical   ENGINES\tLtd "));
        assertEquals(CompanyMatch.key("Babbage & Co"), CompanyMatch.key("babbage &  co"));
        assertNull(CompanyMatch.key("  "));
        assertNull(CompanyMatch.key(null));
    }

    @Test
    void theCompanyDomainComesFromTheContactsAddress() {
        assertEquals("engines.example", CompanyMatch.domainOf("ada@Engines.Example"));
        assertEquals("mail.engines.co.uk", CompanyMatch.domainOf("a.b@mail.engines.co.uk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@gmail.com", "ada@outlook.com", "ada@yahoo.com", "ada@yahoo.co.uk", "ada@hotmail.com",
            "ada@hotmail.fr", "ada@icloud.com", "ada@gmx.de", "ada@gmx.net", "ada@GMAIL.COM", "no-at-sign",
            "ada@", "@engines.example", "ada@localhost"})
    void freeMailAndInvalidAddressesGiveNoDomain(String email) {
        assertNull(CompanyMatch.domainOf(email));
    }

    @Test
    void noAddressNoDomain() {
        assertNull(CompanyMatch.domainOf(null));
    }
}
