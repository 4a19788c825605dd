package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Address;
import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.RespondsTo;
import io.sanctionsradar.designation.domain.Subject;
import io.sanctionsradar.designation.domain.SubjectType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * China's countermeasure, Anti-Foreign Sanctions Law, Unreliable Entity List and export-control lists as OpenSanctions
 * curates them by hand ({@code datasets/cn/sanctions/sanctions.csv}): one UTF-8 row per listing with an official
 * source URL. <b>Licence: CC BY-NC 4.0</b> (OpenSanctions); importing it for commercial use needs OpenSanctions'
 * licence.
 *
 * <p>Body and List decide authority and programme ({@link CnProgramme}): the Ministry of Foreign Affairs (CN-MFA)
 * and the Ministry of Commerce (CN-MOFCOM) impose countermeasures; the Taiwan Affairs Office (CN-TAO, which also
 * signs as the CPC's Taiwan Work Office) lists "Taiwan independence" diehards. Measures by list: MFA, before the
 * Anti-Foreign Sanctions Law (10 June 2021) an entry ban for people and their families and a ban on doing business
 * with China, under it an entry ban, a freeze of property in China and a ban on transactions and cooperation with
 * Chinese organisations and individuals; MOFCOM's countermeasures that ban; the Unreliable Entity List a ban on
 * China-related import and export and new investment, or for people an entry ban; the export control list an export
 * ban on dual-use items (licence required, prohibited), the watch list a stricter licence; TAO an entry ban and a
 * ban on mainland dealings. People and families are barred from entering; organisations are not.
 *
 * <p>An MFA or MOFCOM row is a countermeasure answering what {@link CnAnswers} finds (rejected when nothing). A row
 * of TAO, or against a Taiwanese target, is recorded as a designation: it answers no foreign state's action, and
 * OpenSanctions tags TAO's rows as sanctions, not countermeasures.
 *
 * <p>The file has no id, and Wikidata's QID, on 91 of 610 rows, names a party, not a listing (Marco Rubio was
 * listed twice). The source id is therefore the listing itself: body and list ({@link CnProgramme#key}), date and
 * normalized name, {@code MFA/CM/2021-03-22/adrian-zenz}. It stays when rows are added or reordered, and changes only
 * when the curators correct a name or date. The List is reduced to the programme because the file repeats 46
 * listings of 2024 (MFA's consolidated "List of Targets of Countermeasures" restating its decisions): the same body,
 * date and name under another List is the same listing, rejected as a repeat. A row whose End date has passed is not
 * imported (a rejection without id, so an earlier import's entry is delisted).
 */
public class CnCountermeasuresCsv implements ListFormat {

    public static final String SOURCE_LIST = "CN-COUNTERMEASURES";
    private static final List<String> REQUIRED = List.of("Type", "QID", "Name", "Alias", "Chinese name", "Country",
            "Summary", "Chinese summary", "Body", "List", "Date", "End date", "Source URL", "Address");
    /** DD.MM.YY or DD.MM.YYYY; every two-digit year of the file is of this century. */
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2}|\\d{4})");
    private static final Pattern QID = Pattern.compile("Q\\d+");
    private static final Pattern URL = Pattern.compile("https?://\\S{1,2040}");
    private static final int MAX_ID = 128;

    private final LocalDate today;

    public CnCountermeasuresCsv() {
        this(LocalDate.now());
    }

    /** @param today the day against which an End date has passed */
    CnCountermeasuresCsv(LocalDate today) {
        this.today = today;
    }

    @Override
    public String name() {
        return "cn-countermeasures-csv";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        Map<String, List<Row>> listings = new LinkedHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(ListFiles.single(files, name()), StandardCharsets.UTF_8)) {
            skipByteOrderMark(reader);
            CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
            List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new MalformedListException("the header lacks " + missing, 1);
            }
            int columns = parser.getHeaderNames().size();
            int line = (int) parser.getCurrentLineNumber() + 1;
            for (CSVRecord record : parser) {
                if (record.size() != columns) {
                    throw new MalformedListException("the header has " + columns + " columns, this row "
                            + record.size(), line);
                }
                Row row = row(record, line, rejections);
                if (row != null) {
                    listings.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(row);
                }
                line = (int) parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedListException("not readable as CSV: " + e.getMessage(), null);
        }
        List<ListEntry> entries = new ArrayList<>();
        listings.values().forEach(rows -> entries.add(entry(rows, rejections)));
        entries.removeIf(Objects::isNull);
        rejections.sort(Comparator.comparing(Rejection::line));
        return new ParsedList(SOURCE_LIST, entries, rejections);
    }

    /** A row that names a listing: its line, source id, list and date. */
    private record Row(CSVRecord record, int line, String id, CnProgramme programme, SubjectType type, LocalDate date,
                       LocalDate end) {
    }

    /** The row, or null after rejecting it when it names no listing in force. */
    private Row row(CSVRecord record, int line, List<Rejection> rejections) {
        String name = value(record, "Name");
        String body = value(record, "Body");
        LocalDate date = date(value(record, "Date"));
        CnProgramme programme = body == null ? null : CnProgramme.of(body, value(record, "List"));
        SubjectType type = type(value(record, "Type"));
        String problem = name == null ? "no Name"
                : body == null ? name + ": no Body, so no authority that listed it"
                : programme == null ? name + ": Body '" + body + "' with List '" + value(record, "List")
                        + "' is no list this format knows"
                : date == null ? name + ": Date '" + value(record, "Date") + "' is no DD.MM.YY or DD.MM.YYYY date"
                : type == null ? name + ": Type '" + value(record, "Type") + "' is no Person, Company or Organization"
                : null;
        if (problem != null) {
            rejections.add(Rejection.atLine(line, null, problem));
            return null;
        }
        String id = sourceId(programme, date, name);
        LocalDate end = date(value(record, "End date"));
        if (end != null && !end.isAfter(today)) {
            rejections.add(Rejection.atLine(line, null, id + ": ended on " + end + " (End date), so not in force"));
            return null;
        }
        return new Row(record, line, id, programme, type, date, end);
    }

    /**
     * The entry of the first of a listing's rows that gives one, the others rejected as repeats: a restated
     * listing may lack the Country its first statement gives, whichever comes first in the file.
     */
    private static ListEntry entry(List<Row> rows, List<Rejection> rejections) {
        Row kept = rows.get(0);
        ListEntry entry = null;
        for (Row row : rows) {
            entry = entry(row);
            if (entry != null) {
                kept = row;
                break;
            }
        }
        for (Row row : rows) {
            if (row != kept) {
                rejections.add(Rejection.atLine(row.line(), row.id(), "repeats the listing of line " + kept.line()
                        + " (same Body, list, Date and Name)" + (entry == null ? "" : "; imported from that line")));
            }
        }
        if (entry == null) {
            rejections.add(Rejection.atLine(rows.get(0).line(), rows.get(0).id(), value(rows.get(0).record(), "Name")
                    + ": " + CnAnswers.noAnswer(value(rows.get(0).record(), "Country"))));
        }
        return entry;
    }

    /** The row as an entry: a countermeasure with its answer, a designation, or null when nothing answers. */
    private static ListEntry entry(Row row) {
        String country = value(row.record(), "Country");
        boolean designation = row.programme() == CnProgramme.TAIWAN_INDEPENDENCE
                || "TW".equals(CnAnswers.state(country));
        if (designation) {
            return ListEntry.atLine(row.line(), draft(row, List.of()));
        }
        return CnAnswers.of(row.programme(), row.date(), country).map(answer -> ListEntry.countermeasureAtLine(
                row.line(), draft(row, List.of(answer.respondsTo())),
                answer.known() ? List.of(answer.respondsTo()) : List.of())).orElse(null);
    }

    private static DesignationDraft draft(Row listing, List<RespondsTo> answers) {
        CSVRecord row = listing.record();
        SubjectType type = listing.type();
        LocalDate end = listing.end();
        String name = value(row, "Name");
        String iso = Countries.code(value(row, "Country")).orElse(null);
        Set<Alias> aliases = new LinkedHashSet<>();
        Stream.concat(Arrays.stream(Objects.requireNonNullElse(value(row, "Alias"), "").split(";")),
                        Stream.ofNullable(value(row, "Chinese name")))
                .map(String::strip).filter(a -> !a.isEmpty() && !a.equals(name))
                .forEach(a -> aliases.add(new Alias(ListFiles.cut(a, 512), AliasKind.AKA, ListFiles.script(a))));
        String qid = value(row, "QID");
        List<Identifier> identifiers = qid != null && QID.matcher(qid).matches()
                ? List.of(new Identifier("Wikidata QID", qid, null, null)) : List.of();
        String street = value(row, "Address");
        List<Address> addresses = street != null || (type == SubjectType.ORGANIZATION && iso != null)
                ? List.of(new Address(ListFiles.cut(street, 512), null, null, null, iso)) : List.of();
        String remarks = Stream.of(value(row, "Summary"), value(row, "Chinese summary"),
                        end == null ? null : "Ends on " + end + " (End date)")
                .filter(Objects::nonNull).collect(Collectors.joining(". "));
        Subject subject = new Subject(type, ListFiles.cut(name, 512), List.copyOf(aliases), List.of(), List.of(),
                type == SubjectType.PERSON && iso != null ? List.of(iso) : List.of(), List.of(), addresses,
                identifiers, null, null, remarks.isEmpty() ? null : ListFiles.cut(remarks, 8192));
        String url = value(row, "Source URL");
        CnProgramme programme = listing.programme();
        return new DesignationDraft(programme.authority, List.of(programme.code), legalBasis(programme, listing.date()),
                listing.date(), SOURCE_LIST, listing.id(), reference(row),
                url != null && URL.matcher(url).matches() ? url : null, programme.measures(type, listing.date()),
                subject, answers);
    }

    /** The MFA's measures before the Anti-Foreign Sanctions Law rest on its announcements, not on that law. */
    private static String legalBasis(CnProgramme programme, LocalDate date) {
        return programme == CnProgramme.MFA_COUNTERMEASURES && date.isBefore(CnProgramme.AFSL_IN_FORCE)
                ? "Announcement of the Ministry of Foreign Affairs of the People's Republic of China, " + date
                : null;
    }

    /** "Ministry of Foreign Affairs, AFSL, 23.07.21": the listing as the file names it. */
    private static String reference(CSVRecord row) {
        return Stream.of(value(row, "Body"), value(row, "List"), value(row, "Date")).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
    }

    /** {@code MFA/CM/2021-03-22/adrian-zenz}; a name too long for 128 characters ends in a hash of the whole. */
    static String sourceId(CnProgramme programme, LocalDate date, String name) {
        String id = programme.key + "/" + date + "/" + normalized(name);
        if (id.length() <= MAX_ID) {
            return id;
        }
        String hash = sha256(normalized(name)).substring(0, 12);
        return id.substring(0, MAX_ID - hash.length() - 1).replaceAll("-$", "") + "-" + hash;
    }

    /** "Reinhard Bütikofer" → "reinhard-butikofer": no accents, lower case, one dash between words. */
    static String normalized(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }

    /** "22.03.21" and "22.03.2021" → 2021-03-22; null when absent or not a real date. */
    static LocalDate date(String text) {
        Matcher m = text == null ? null : DATE.matcher(text);
        if (m == null || !m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        try {
            return LocalDate.of(m.group(3).length() == 2 ? 2000 + year : year, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static SubjectType type(String type) {
        return switch (type == null ? "" : type) {
            case "Person" -> SubjectType.PERSON;
            case "Company", "Organization" -> SubjectType.ORGANIZATION;
            default -> null;
        };
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }


    private static String value(CSVRecord row, String column) {
        return ListFiles.value(row, column);
    }
}
