package io.sanctionsradar.matching.identify;

import io.sanctionsradar.matching.Identifier;
import io.sanctionsradar.matching.IdentifierType;
import io.sanctionsradar.matching.InvalidIdentifierException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifierTest {

    private static IdentifierType type(String kind) {
        return IdentifierKinds.of(kind).map(IdentifierKinds.Kind::type).orElse(null);
    }

    @Test
    void kindsAsTheListsWriteThemMapToCanonicalTypes() {
        assertEquals(IdentifierType.PASSPORT, type("Passport"));
        assertEquals(IdentifierType.PASSPORT, type("Número de pasaporte"));
        assertEquals(IdentifierType.PASSPORT, type("Diplomatic Passport"));
        assertEquals(IdentifierType.NATIONAL_ID, type("National ID No."));
        assertEquals(IdentifierType.NATIONAL_ID, type("National Identification Number"));
        assertEquals(IdentifierType.NATIONAL_ID, type("Cedula No."));
        assertEquals(IdentifierType.NATIONAL_ID, type("C.U.R.P."));
        assertEquals(IdentifierType.TAX_ID, type("Tax ID No."));
        assertEquals(IdentifierType.TAX_ID, type("NIT #"));
        assertEquals(IdentifierType.TAX_ID, type("fiscalcode"));
        assertEquals(IdentifierType.REGISTRATION, type("Registration ID"));
        assertEquals(IdentifierType.REGISTRATION, type("Unified Social Credit Code (USCC)"));
        assertEquals(IdentifierType.REGISTRATION, type("D-U-N-S Number"));
        assertEquals(IdentifierType.BIC, type("SWIFT/BIC"));
        assertEquals(IdentifierType.BIC, type("swiftbic"));
        assertEquals(IdentifierType.IMO, type("Vessel Registration Identification"));
        assertEquals(IdentifierType.IMO, type("imo"));
        assertEquals(IdentifierType.REGISTRATION, type("IMO Company Number"), "a company's IMO number has no check digit");
        assertEquals(IdentifierType.MMSI, type("MMSI"));
        assertEquals(IdentifierType.AIRCRAFT_TAIL, type("Aircraft Tail Number"));
        assertEquals(IdentifierType.AIRCRAFT_SERIAL, type("Aircraft Construction Number (also called L/N or S/N or F/N)"));
        assertEquals(IdentifierType.AIRCRAFT_SERIAL, type("Aircraft Manufacturer's Serial Number (MSN)"));
        assertEquals(IdentifierType.OTHER, type("BIK (RU)"));
        assertEquals(IdentifierType.OTHER, type("Government Gazette Number"));
        assertEquals(IdentifierType.REGISTRATION, type("Commercial Registry Number"));
        assertEquals(IdentifierType.REGISTRATION, type("Folio Mercantil No."));
        assertEquals(IdentifierType.REGISTRATION, type("Matricula Mercantil No"));
        assertEquals(IdentifierType.REGISTRATION, type("Trade License No."));
        assertEquals(IdentifierType.REGISTRATION, type("C.R. No."));
        assertEquals(IdentifierType.TAX_ID, type("V.A.T. Number"));
        assertEquals(IdentifierType.TAX_ID, type("RIF #"));
        assertEquals(IdentifierType.TAX_ID, type("US FEIN"));
        assertEquals(IdentifierType.REGISTRATION, type("Chamber of Commerce Number"));
        assertEquals(IdentifierType.NATIONAL_ID, type("D.N.I."));
        assertEquals(IdentifierType.NATIONAL_ID, type("national_id"));
        assertEquals(IdentifierType.CRYPTO_ADDRESS, type("CRYPTO_ADDRESS"));
    }

    @Test
    void descriptionsOfAListingAreNoIdentifiers() {
        assertNull(type("Website"));
        assertNull(type("Email Address"));
        assertNull(type("Listing Date (CMIC)"));
        assertNull(type("Secondary sanctions risk:"));
        assertNull(type("Nationality of Registration"));
        assertNull(type("Executive Order 13846 information:"));
        assertNull(type("CAATSA Section 235 Information:"));
        assertNull(type("Aircraft Model"));
        assertNull(type("Aircraft Operator"));
        assertNull(type("Aircraft Manufacture Date"));
        assertNull(type(" "));
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class,
                () -> Identifier.of("Website", "www.example.com", null));
        assertEquals("type", e.field());
    }

    @Test
    void digitalCurrencyKindsKeepTheirCurrency() {
        Identifier xbt = Identifier.of("Digital Currency Address - XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", null);
        assertEquals(IdentifierType.CRYPTO_ADDRESS, xbt.type());
        assertEquals("XBT", xbt.currency());
        assertEquals("ETH", Identifier.of("ETH", "0x7F367cC41522cE07553e823bf3be79A889DEbe1B", null).currency());
        assertEquals("XBT", new Identifier(IdentifierType.CRYPTO_ADDRESS, "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", null,
                "btc").currency());
    }

    @Test
    void documentNumbersLoseCaseSpacesDashesAndDots() {
        Identifier a = Identifier.of("Passport", "ab 123-456.7", "ru");
        assertEquals("AB1234567", a.value());
        assertEquals("RU", a.country());
        assertTrue(a.sameAs(Identifier.of("PASSPORT", "AB1234567", null)));
        assertFalse(a.sameAs(Identifier.of("PASSPORT", "AB1234567", "UA")));
        assertThrows(InvalidIdentifierException.class, () -> Identifier.of("Passport", "unknown", null));
        assertEquals("country", assertThrows(InvalidIdentifierException.class,
                () -> Identifier.of("Passport", "AB1", "Russia")).field());
    }

    @Test
    void imoNumbersAreSevenDigitsWithACheckDigit() {
        assertEquals("9074729", Identifier.of("IMO", "IMO 9074729", null).value());
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class,
                () -> Identifier.of("IMO", "9074728", null));
        assertEquals("value", e.field());
        assertTrue(e.getMessage().contains("check digit"));
        assertThrows(InvalidIdentifierException.class, () -> Identifier.of("IMO", "907472", null));
        assertTrue(Identifier.listed("IMO", "9074728", null).isEmpty());
        assertNull(Identifier.of("IMO", "9074729", "PA").country(), "an IMO number is not issued per country");
    }

    @Test
    void mmsiNumbersAreNineDigits() {
        assertEquals("273123456", Identifier.of("MMSI", "273 123 456", null).value());
        assertThrows(InvalidIdentifierException.class, () -> Identifier.of("MMSI", "27312345", null));
    }

    @Test
    void bicsAreEightOrElevenCharactersAndABranchIsItsBank() {
        Identifier bank = Identifier.of("SWIFT/BIC", "deut de ff xxx", null);
        assertEquals("DEUTDEFF", bank.value());
        Identifier branch = Identifier.of("BIC", "DEUTDEFF500", null);
        assertEquals("DEUTDEFF500", branch.value());
        assertTrue(bank.sameAs(branch));
        assertThrows(InvalidIdentifierException.class, () -> Identifier.of("BIC", "DEUT1EFF", null));
        assertThrows(InvalidIdentifierException.class, () -> Identifier.of("BIC", "DEUTDEFF5", null));
    }

    @Test
    void aircraftMarksLoseTheirDash() {
        assertEquals("EPMNA", Identifier.of("Aircraft Tail Number", "EP-MNA", null).value());
        assertEquals("1234", Identifier.of("Aircraft Construction Number", "12-34", null).value());
    }

    @Test
    void base58AddressesKeepTheirCase() {
        Identifier a = Identifier.of("XBT", " 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h ", null);
        assertEquals("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", a.value());
        Identifier lower = Identifier.of("XBT", "12qtd5bfwrsdnsazy76uve1xycgntojh9h", null);
        assertFalse(a.sameAs(lower), "base58 is case-sensitive: another case is another address");
    }

    @Test
    void bech32AndHexAddressesFoldCase() {
        Identifier upper = Identifier.of("XBT", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", null);
        assertEquals("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", upper.value());
        assertTrue(upper.sameAs(Identifier.of("XBT", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", null)));
        assertEquals("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", Identifier.of("XBT",
                "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", null).value()); // bech32m
        assertThrows(InvalidIdentifierException.class,
                () -> Identifier.of("XBT", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", null));
        Identifier hex = Identifier.of("ETH", "0x7F367cC41522cE07553e823bf3be79A889DEbe1B", null);
        assertEquals("0x7f367cc41522ce07553e823bf3be79a889debe1b", hex.value());
        assertThrows(InvalidIdentifierException.class, () -> Identifier.of("ETH", "0x7F36!", null));
    }

    @Test
    void onlyExclusiveSchemesInOneScopeContradict() {
        Identifier imo = Identifier.of("IMO", "9074729", null);
        assertTrue(imo.contradicts(Identifier.of("IMO", "9187629", null)));
        assertFalse(imo.contradicts(imo));
        Identifier ru = Identifier.of("Passport", "AB1", "RU");
        assertTrue(ru.contradicts(Identifier.of("Passport", "AB2", "RU")));
        assertFalse(ru.contradicts(Identifier.of("Passport", "AB2", "UA")), "another country's passport");
        assertFalse(ru.contradicts(Identifier.of("Passport", "AB2", null)), "scope unknown");
        Identifier wallet = Identifier.of("XBT", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", null);
        assertFalse(wallet.contradicts(Identifier.of("XBT", "1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo", null)));
        assertNotEquals(imo.key(), Identifier.of("MMSI", "907472900", null).key());
    }
}
