package io.sanctionsradar.screening.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanctionsradar.matching.Identifier;
import io.sanctionsradar.matching.IdentifierType;
import io.sanctionsradar.matching.WatchlistFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a listing's identifiers become in the engine: documents by kind, vessel and aircraft numbers, canonical. */
class ListingIdentifiersTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private static JsonNode designation(String subject) throws Exception {
        return JSON.readTree("""
                {"designationId": "d-1", "version": 1, "status": "ACTIVE", "subject": %s}""".formatted(subject));
    }

    @Test
    void documentsVesselAndAircraftNumbersAreIndexedCanonicalAndDescriptionsLeftOut() throws Exception {
        JsonNode d = designation("""
                {"type": "AIRCRAFT", "name": "EP-MMH",
                 "identifiers": [{"kind": "Passport", "number": "ab 123", "country": "IR"},
                                 {"kind": "Website", "number": "www.example.com"},
                                 {"kind": "Vessel Registration Identification", "number": "IMO 9074728"},
                                 {"kind": "Digital Currency Address - XBT", "number": "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"}],
                 "vessel": {"imo": "9074729", "mmsi": "273123456"},
                 "aircraft": {"tailNumber": "EP-MMH", "serialNumber": "391"}}""");
        Listing listing = JSON.treeToValue(d, Listing.class);
        assertEquals(List.of(new Identifier(IdentifierType.PASSPORT, "AB123", "IR"),
                new Identifier(IdentifierType.CRYPTO_ADDRESS, "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", null, "XBT"),
                new Identifier(IdentifierType.IMO, "9074729", null),
                new Identifier(IdentifierType.MMSI, "273123456", null),
                new Identifier(IdentifierType.AIRCRAFT_TAIL, "EPMMH", null),
                new Identifier(IdentifierType.AIRCRAFT_SERIAL, "391", null)), listing.toWatchlistEntry().identifiers());
        assertEquals(WatchlistFixtures.entry(d), listing.toWatchlistEntry(), "the engine's fixture reader agrees");
    }
}
