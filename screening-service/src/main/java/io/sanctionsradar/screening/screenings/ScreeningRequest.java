package io.sanctionsradar.screening.screenings;

import io.sanctionsradar.matching.Identifier;
import io.sanctionsradar.matching.SubjectType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One name to screen, with the optional signals and filters that narrow it. */
public record ScreeningRequest(
        @Schema(description = "The name as the customer gave it, in any script; required even with identifiers (an "
                + "equal identifier matches whatever the name, and answers and receipts always echo one)",
                maxLength = 512, required = true)
        String name,
        @Schema(description = "Only entries of this type match")
        SubjectType type,
        @Schema(description = "YYYY, YYYY-MM or YYYY-MM-DD; a matching birth date raises the score, a different one lowers it")
        String birthDate,
        @Schema(description = "ISO 3166 alpha-2; a country of the entry (nationality, citizenship, address) raises the score")
        String country,
        @Schema(description = "Matches scoring below this are not returned; the service's default when absent", minimum = "0", maximum = "1")
        Double threshold,
        @Schema(description = "At most this many matches, best first (1–100, default 10)")
        Integer limit,
        @Schema(description = "Only entries of these authorities, e.g. US-OFAC, CN-MFA")
        List<String> authorities,
        @Schema(description = "Only entries under at least one of these programmes")
        List<String> programs,
        @Schema(description = "Only entries from these source lists, e.g. US-CSL")
        List<String> sourceLists,
        @Schema(description = "Also match delisted entries (default false)")
        Boolean includeDelisted,
        @Schema(description = "Identifiers of the screened party (at most 20)")
        List<ScreeningIdentifier> identifiers) {

    public ScreeningRequest {
        authorities = authorities == null ? List.of() : List.copyOf(authorities);
        programs = programs == null ? List.of() : List.copyOf(programs);
        sourceLists = sourceLists == null ? List.of() : List.copyOf(sourceLists);
        identifiers = identifiers == null ? List.of() : java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(identifiers)); // may hold a null item, which QueryRules names
    }

    /** A query without identifiers. */
    public ScreeningRequest(String name, SubjectType type, String birthDate, String country, Double threshold,
                            Integer limit, List<String> authorities, List<String> programs, List<String> sourceLists,
                            Boolean includeDelisted) {
        this(name, type, birthDate, country, threshold, limit, authorities, programs, sourceLists, includeDelisted,
                List.of());
    }

    /** The same query with these identifiers. */
    public ScreeningRequest withIdentifiers(List<ScreeningIdentifier> identifiers) {
        return new ScreeningRequest(name, type, birthDate, country, threshold, limit, authorities, programs,
                sourceLists, includeDelisted, identifiers);
    }

    /** The identifiers in canonical form, for a query {@link QueryRules} has passed. */
    public List<Identifier> canonicalIdentifiers() {
        return identifiers.stream().map(ScreeningIdentifier::canonical).toList();
    }

    /** Options that apply to every record of a CSV batch: everything but a name. */
    public static ScreeningRequest options(SubjectType type, Double threshold, Integer limit, List<String> authorities,
                                           List<String> programs, List<String> sourceLists, Boolean includeDelisted) {
        return new ScreeningRequest(null, type, null, null, threshold, limit, authorities, programs, sourceLists,
                includeDelisted);
    }

    /** The same query with the options of a batch applied where the query itself has none. */
    ScreeningRequest withDefaults(ScreeningRequest options) {
        return new ScreeningRequest(name, type != null ? type : options.type(), birthDate, country,
                threshold != null ? threshold : options.threshold(),
                limit != null ? limit : options.limit(),
                authorities.isEmpty() ? options.authorities() : authorities,
                programs.isEmpty() ? options.programs() : programs,
                sourceLists.isEmpty() ? options.sourceLists() : sourceLists,
                includeDelisted != null ? includeDelisted : options.includeDelisted(), identifiers);
    }
}
