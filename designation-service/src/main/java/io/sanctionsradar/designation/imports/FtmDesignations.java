package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Address;
import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.Measure;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.Subject;
import io.sanctionsradar.designation.domain.SubjectType;
import io.sanctionsradar.designation.domain.VesselDetails;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An OpenSanctions target (a Person, Organization, Company, LegalEntity or Vessel entity) as a designation draft,
 * from the entity's own properties only: a delta carries an entity without the unchanged entities around it, so
 * the same entity must give the same draft in either form. Authority {@code OPENSANCTIONS}; one programme per
 * dataset the entity comes from ({@code eu_fsf} → {@code OS-EU_FSF}).
 */
final class FtmDesignations {

    static final String AUTHORITY = "OPENSANCTIONS";
    private static final int MAX_PROGRAMMES = 20;
    private static final Pattern DATASET = Pattern.compile("[a-z0-9_]{1,61}");
    /** FtM's identifier properties and the kind each becomes (screening maps the kinds to its types). */
    private static final Map<String, String> IDENTIFIERS = new LinkedHashMap<>();
    /** A value that is a document number and nothing else ("NC5140251", "D 000769", "44103-5251752-5"). */
    private static final Pattern NUMBER = Pattern.compile("(?=\\D*\\d)[A-Z0-9]+(?:[ ./-][A-Z0-9]+)*");
    /** A number inside a description ("Afghan passport number OA296623", "モロッコ旅券 H 236483"). */
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile(
            "(?<![A-Za-z0-9])([A-Z]{0,3}[ -]?\\d[0-9A-Z-]{3,})(?![A-Za-z0-9])");
    /** What a description says a number after it is ("National Identification Number, 2132370, Passport, D 000933"). */
    private static final Pattern LABEL = Pattern.compile(
            "(?i)(passport)|(national identification|national identity|identity card|id card)");
    /** OpenSanctions does not say what a sanction obliges: one measure, saying so. */
    static final Measure MEASURE = new Measure(MeasureType.ASSET_FREEZE, null,
            "OpenSanctions does not state the measures: an asset freeze is what most of its sanctions lists impose; "
                    + "the programmes name the lists (OpenSanctions datasets), whose own terms decide", null, null);

    static {
        IDENTIFIERS.put("idNumber", "ID Number");
        IDENTIFIERS.put("passportNumber", "Passport");
        IDENTIFIERS.put("taxNumber", "Tax Number");
        IDENTIFIERS.put("registrationNumber", "Registration Number");
        IDENTIFIERS.put("swiftBic", "SWIFT/BIC");
        IDENTIFIERS.put("innCode", "INN");
        IDENTIFIERS.put("ogrnCode", "OGRN");
        IDENTIFIERS.put("imoNumber", "IMO");
    }

    private FtmDesignations() {
    }

    /**
     * @param sanctionListed the earliest listing date of the Sanction entities of the file that name the entity, or
     *                       null; used when the entity has no creation date of its own
     * @return the draft, or empty when the entity has no name
     */
    static Optional<DesignationDraft> draft(FtmEntity entity, LocalDate sanctionListed) {
        // the caption, not the first name, which is often in another script ("عبد القدوس مظهري")
        String name = entity.caption() != null ? entity.caption() : entity.first("name");
        if (name == null) {
            return Optional.empty();
        }
        List<String> datasets = entity.datasets().stream().filter(DATASET.asMatchPredicate()).sorted().toList();
        Subject subject = subject(entity, clean(name), datasets.stream().skip(MAX_PROGRAMMES).toList());
        List<String> programmes = datasets.stream().limit(MAX_PROGRAMMES)
                .map(d -> "OS-" + d.toUpperCase(Locale.ROOT)).toList();
        LocalDate created = entity.values("createdAt").stream().map(ListFiles::isoDate).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(sanctionListed);
        return Optional.of(new DesignationDraft(AUTHORITY, programmes, null, created, OpenSanctionsFtm.SOURCE_LIST,
                entity.id(), null, "https://www.opensanctions.org/entities/" + entity.id() + "/", List.of(MEASURE),
                subject, List.of()));
    }

    /** @param moreDatasets the datasets beyond the programmes a designation can name, said in the remarks */
    private static Subject subject(FtmEntity e, String name, List<String> moreDatasets) {
        SubjectType type = switch (e.schema()) {
            case "Person" -> SubjectType.PERSON;
            case "Vessel" -> SubjectType.VESSEL;
            default -> SubjectType.ORGANIZATION; // a LegalEntity may be either; lists treat the unknown so
        };
        List<String> remarks = new ArrayList<>();
        labelled(remarks, "OpenSanctions topics", e.values("topics"));
        labelled(remarks, "Also in the OpenSanctions datasets", moreDatasets);
        List<String> birthDates = birthDates(e, remarks);
        labelled(remarks, "Position", e.values("position"));
        labelled(remarks, "Title", e.values("title"));
        List<String> countries = countries(e, "country");
        if (type == SubjectType.PERSON && !countries.isEmpty()) {
            remarks.add("Countries: " + String.join(", ", countries)); // of residence or nationality: FtM does not say
        }
        remarks.addAll(e.values("notes").stream().map(FtmDesignations::sentence).distinct().toList());
        String text = remarks.stream().filter(r -> !r.isBlank()).collect(Collectors.joining(". "));
        return new Subject(type, name, aliases(e, name),
                birthDates, e.values("birthPlace").stream().map(FtmDesignations::clean).distinct().limit(50).toList(),
                countries(e, "nationality"), countries(e, "citizenship"), addresses(e, type), identifiers(e),
                vessel(e, type), null, text.isEmpty() ? null : ListFiles.cut(text, 8192));
    }

    private static void labelled(List<String> remarks, String label, List<String> values) {
        if (!values.isEmpty()) {
            remarks.add(label + ": " + values.stream().map(FtmDesignations::sentence).distinct()
                    .collect(Collectors.joining("; ")));
        }
    }

    /** One line without the full stop that joining adds. */
    private static String sentence(String text) {
        return text.replaceAll("\\s+", " ").strip().replaceAll("\\.+$", "");
    }

    /** The other names and aliases alike, former names, then weak aliases; one per name whatever its case. */
    private static List<Alias> aliases(FtmEntity e, String name) {
        Map<String, Alias> aliases = new LinkedHashMap<>();
        e.values("name").forEach(n -> add(aliases, n, AliasKind.AKA));
        e.values("alias").forEach(n -> add(aliases, n, AliasKind.AKA));
        e.values("previousName").forEach(n -> add(aliases, n, AliasKind.FKA));
        e.values("weakAlias").forEach(n -> add(aliases, n, AliasKind.WEAK));
        aliases.remove(name.toLowerCase(Locale.ROOT));
        return aliases.values().stream().limit(500).toList();
    }

    private static void add(Map<String, Alias> aliases, String name, AliasKind kind) {
        String n = clean(name);
        aliases.putIfAbsent(n.toLowerCase(Locale.ROOT), new Alias(n, kind, ListFiles.script(n)));
    }

    /** Partial dates (1963, 1963-05); the ones no real date could be ("1504") are remarks. */
    private static List<String> birthDates(FtmEntity e, List<String> remarks) {
        List<String> dates = new ArrayList<>();
        for (String value : e.values("birthDate")) {
            String date = value.length() > 10 ? value.substring(0, 10) : value;
            if (!ListFiles.partialDate(date)) {
                remarks.add("Birth date as listed: " + value);
            } else if (!dates.contains(date) && dates.size() < 50) {
                dates.add(date);
            }
        }
        return dates;
    }

    /** FtM's lower-case codes as ISO codes; a region ("gb-nir") as its country, the historical ("suhh") dropped. */
    private static List<String> countries(FtmEntity e, String property) {
        return e.values(property).stream().map(c -> Countries.iso(c.split("-")[0].toUpperCase(Locale.ROOT)))
                .filter(Objects::nonNull).distinct().toList();
    }

    /**
     * The full addresses as written, with the country when the last part names one ("Dadaab, Kenya"); for an
     * organization also its countries, of registration or operation, where no address names them.
     */
    private static List<Address> addresses(FtmEntity e, SubjectType type) {
        List<Address> addresses = new ArrayList<>();
        for (String full : e.values("address").stream().distinct().toList()) {
            String last = full.substring(full.lastIndexOf(',') + 1).strip();
            addresses.add(new Address(ListFiles.cut(full, 512), null, null, null, Countries.code(last).orElse(null)));
        }
        if (type != SubjectType.PERSON) {
            Stream.concat(countries(e, "country").stream(), countries(e, "jurisdiction").stream()).distinct()
                    .filter(c -> addresses.stream().noneMatch(a -> c.equals(a.country())))
                    .forEach(c -> addresses.add(new Address(null, null, null, null, c)));
        }
        return addresses.stream().limit(200).toList();
    }

    /**
     * Each number once per kind. A description keeps the numbers it holds, itself as their notes, each of the kind
     * the description names before it, else of the property's.
     */
    private static List<Identifier> identifiers(FtmEntity e) {
        Map<String, Identifier> identifiers = new LinkedHashMap<>();
        IDENTIFIERS.forEach((property, kind) -> e.values(property).forEach(value -> {
            if (NUMBER.matcher(value).matches() && value.length() <= 64) {
                identifiers.putIfAbsent(kind + " " + value, ListFiles.identifier(kind, value, null, null));
                return;
            }
            Matcher m = NUMBER_IN_TEXT.matcher(value);
            while (m.find()) {
                String number = m.group(1).strip().replaceAll("-+$", "");
                String named = labelBefore(value, m.start(1), kind);
                if (!number.matches("\\d{4}(-\\d{1,4}){0,2}")) { // a year, years or a date, not a number
                    identifiers.putIfAbsent(named + " " + number, ListFiles.identifier(named, number, null, value));
                }
            }
        }));
        return identifiers.values().stream().limit(200).toList();
    }

    private static String labelBefore(String text, int end, String otherwise) {
        Matcher label = LABEL.matcher(text).region(0, end);
        String kind = otherwise;
        while (label.find()) {
            kind = label.group(1) != null ? "Passport" : "ID Number";
        }
        return kind;
    }

    private static VesselDetails vessel(FtmEntity e, SubjectType type) {
        if (type != SubjectType.VESSEL) {
            return null;
        }
        String imo = e.values("imoNumber").stream().map(n -> n.replaceFirst("^IMO\\s*", ""))
                .filter(n -> n.matches("\\d{7}")).findFirst().orElse(null);
        String mmsi = e.values("mmsi").stream().filter(n -> n.matches("\\d{9}")).findFirst().orElse(null);
        List<String> flags = countries(e, "flag");
        return new VesselDetails(imo, mmsi, ListFiles.cut(e.first("callSign"), 16),
                flags.isEmpty() ? null : flags.get(0), ListFiles.cut(e.first("type"), 64),
                ListFiles.tonnage(e.first("grossRegisteredTonnage"), e.first("tonnage")), null);
    }

    private static String clean(String name) {
        return ListFiles.cut(name.replaceAll("\\s+", " ").strip(), 512);
    }
}
