package io.sanctionsradar.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Loads designation JSONL (full or slim form, as designation-service publishes it) into engine entries;
 * entryId = designationId. The mapping is screening-service's {@code Listing.toWatchlistEntry}, which
 * screening-service's {@code ListingFixtureTest} holds this reader to.
 */
public final class WatchlistFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Loaded entries plus the designationId -> sourceId mapping the eval files use. */
    public record Watchlist(List<WatchlistEntry> entries, Map<String, String> sourceIdOf) {
    }

    private WatchlistFixtures() {
    }

    public static Watchlist fromClasspath(String resource) {
        try (InputStream in = WatchlistFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return read(resource.endsWith(".gz") ? new GZIPInputStream(in) : in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Watchlist fromFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(path.toString().endsWith(".gz") ? new GZIPInputStream(in) : in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Watchlist read(InputStream in) throws IOException {
        List<WatchlistEntry> entries = new ArrayList<>();
        Map<String, String> sourceIds = new java.util.HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode designation = JSON.readTree(line);
            sourceIds.put(designation.path("designationId").asText(), designation.path("sourceId").asText(null));
            entries.add(entry(designation));
        }
        return new Watchlist(entries, sourceIds);
    }

    /** Every name with its kind and script; birth dates; nationalities, citizenships and address countries. */
    public static WatchlistEntry entry(JsonNode designation) {
        JsonNode subject = designation.path("subject");
        List<EntryName> names = new ArrayList<>();
        names.add(new EntryName(subject.path("name").asText(), NameKind.PRIMARY, null));
        for (JsonNode alias : subject.path("aliases")) {
            String name = alias.path("name").asText("");
            if (!name.isBlank()) {
                names.add(new EntryName(name, kind(alias.path("kind").asText(null)), alias.path("script").asText(null)));
            }
        }
        Set<String> countries = new LinkedHashSet<>();
        subject.path("nationalities").forEach(c -> countries.add(c.asText()));
        subject.path("citizenships").forEach(c -> countries.add(c.asText()));
        subject.path("addresses").forEach(a -> {
            if (a.hasNonNull("country")) {
                countries.add(a.get("country").asText());
            }
        });
        List<String> birthDates = new ArrayList<>();
        subject.path("birthDates").forEach(d -> birthDates.add(d.asText()));
        return new WatchlistEntry(designation.path("designationId").asText(),
                SubjectType.valueOf(subject.path("type").asText()), names, birthDates, countries, identifiers(subject));
    }

    /** The subject's identifiers, the vessel's IMO and MMSI, the aircraft's tail number and serial, canonical. */
    private static List<Identifier> identifiers(JsonNode subject) {
        List<Identifier> out = new ArrayList<>();
        for (JsonNode id : subject.path("identifiers")) {
            Identifier.listed(id.path("kind").asText(null), id.path("number").asText(null),
                    id.path("country").asText(null)).ifPresent(out::add);
        }
        JsonNode vessel = subject.path("vessel");
        Identifier.listed("IMO", vessel.path("imo").asText(null), null).ifPresent(out::add);
        Identifier.listed("MMSI", vessel.path("mmsi").asText(null), null).ifPresent(out::add);
        JsonNode aircraft = subject.path("aircraft");
        Identifier.listed("AIRCRAFT_TAIL", aircraft.path("tailNumber").asText(null), null).ifPresent(out::add);
        Identifier.listed("AIRCRAFT_SERIAL", aircraft.path("serialNumber").asText(null), null).ifPresent(out::add);
        return out.stream().distinct().toList();
    }

    private static NameKind kind(String kind) {
        try {
            return kind == null ? NameKind.AKA : NameKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return NameKind.AKA;
        }
    }
}
