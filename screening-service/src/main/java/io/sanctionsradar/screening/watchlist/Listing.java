package io.sanctionsradar.screening.watchlist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.sanctionsradar.matching.EntryName;
import io.sanctionsradar.matching.Identifier;
import io.sanctionsradar.matching.NameKind;
import io.sanctionsradar.matching.SubjectType;
import io.sanctionsradar.matching.WatchlistEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A designation as the watchlist keeps it: the part of a {@code sanctions.designations} event's payload that
 * screening needs. Unknown fields are ignored so designation-service can add fields without breaking this reader;
 * measures are kept as they came, so answers pass them on unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Listing(
        String designationId,
        String kind,
        int version,
        String status,
        String authority,
        List<String> programs,
        String legalBasis,
        LocalDate listedOn,
        LocalDate delistedOn,
        String sourceList,
        String sourceId,
        String sourceUrl,
        List<JsonNode> measures,
        Subject subject) {

    public Listing {
        programs = programs == null ? List.of() : programs;
        measures = measures == null ? List.of() : measures;
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /**
     * What the matching engine indexes: every name with its kind and script, birth dates, countries and identifiers
     * (documents, the vessel's IMO and MMSI, the aircraft's tail number and serial).
     */
    public WatchlistEntry toWatchlistEntry() {
        List<EntryName> names = new ArrayList<>(1 + subject.aliases().size());
        names.add(new EntryName(subject.name(), NameKind.PRIMARY, null));
        for (Alias alias : subject.aliases()) {
            if (alias.name() != null && !alias.name().isBlank()) {
                names.add(new EntryName(alias.name(), nameKind(alias.kind()), alias.script()));
            }
        }
        Set<String> countries = new LinkedHashSet<>(subject.nationalities());
        countries.addAll(subject.citizenships());
        subject.addresses().stream().map(Address::country).filter(c -> c != null).forEach(countries::add);
        return new WatchlistEntry(designationId, SubjectType.valueOf(subject.type()), names,
                subject.birthDates(), countries, identifiers());
    }

    /** The subject's identifiers in canonical form; kinds that name no identifier and invalid numbers are left out. */
    public List<Identifier> identifiers() {
        List<Identifier> out = new ArrayList<>(subject.identifiers().size() + 2);
        for (ListedIdentifier id : subject.identifiers()) {
            Identifier.listed(id.kind(), id.number(), id.country()).ifPresent(out::add);
        }
        if (subject.vessel() != null) {
            Identifier.listed("IMO", subject.vessel().imo(), null).ifPresent(out::add);
            Identifier.listed("MMSI", subject.vessel().mmsi(), null).ifPresent(out::add);
        }
        if (subject.aircraft() != null) {
            Identifier.listed("AIRCRAFT_TAIL", subject.aircraft().tailNumber(), null).ifPresent(out::add);
            Identifier.listed("AIRCRAFT_SERIAL", subject.aircraft().serialNumber(), null).ifPresent(out::add);
        }
        return out.stream().distinct().toList();
    }

    private static NameKind nameKind(String kind) {
        try {
            return kind == null ? NameKind.AKA : NameKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return NameKind.AKA; // a kind added upstream later is still an alias
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subject(String type, String name, List<Alias> aliases, List<String> birthDates,
                          List<String> nationalities, List<String> citizenships, List<Address> addresses,
                          List<ListedIdentifier> identifiers, Vessel vessel, Aircraft aircraft) {
        public Subject {
            identifiers = identifiers == null ? List.of() : identifiers;
            aliases = aliases == null ? List.of() : aliases;
            birthDates = birthDates == null ? List.of() : birthDates;
            nationalities = nationalities == null ? List.of() : nationalities;
            citizenships = citizenships == null ? List.of() : citizenships;
            addresses = addresses == null ? List.of() : addresses;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alias(String name, String kind, String script) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String country) {
    }

    /** An identifier as the list wrote it ("National ID No.", "Passport" …); see {@link Identifier#listed}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListedIdentifier(String kind, String number, String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Vessel(String imo, String mmsi) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Aircraft(String tailNumber, String serialNumber) {
    }
}
