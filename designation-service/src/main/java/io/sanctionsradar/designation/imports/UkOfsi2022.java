package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.SubjectType;
import io.sanctionsradar.designation.domain.VesselDetails;
import io.sanctionsradar.designation.imports.OfsiGroups.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * HM Treasury's (OFSI) consolidated list in its current "2022 format", as the published .xlsx or as the .csv of the
 * same columns (chosen by the file name's extension). Title rows come before the header; then one row per name of a
 * party, grouped by {@code Group ID} like the 2018 layout ({@link OfsiGroups}): the "Primary name" row names the
 * party, the others and each "Name Non-Latin Script" are aliases, "Low quality" ones weak. Passport and national
 * identification numbers have columns of their own; a ship's IMO number, flag and type are in "Other Information".
 */
public class UkOfsi2022 implements ListFormat {

    /** The same list as the 2018 layout, with the same Group IDs: importing either format updates one list. */
    public static final String SOURCE_LIST = UkOfsiCsv.SOURCE_LIST;
    /** The columns this parser reads; the 2022-only ones (Name Non-Latin Script, Alias Quality …) refuse a 2018 file. */
    static final List<String> REQUIRED = List.of("Name 6", "Name 1", "Name Non-Latin Script", "DOB", "Nationality",
            "Passport Number", "National Identification Number", "Country", "Other Information", "Group Type",
            "Alias Type", "Alias Quality", "Regime", "Listed On", "Group ID");
    /** Title lines ("Last Updated", a date) come first; a header further down means this is some other sheet. */
    private static final int HEADER_WITHIN = 10;
    private static final Pattern NUMBERED = Pattern.compile("\\s*\\(\\d+\\)\\s*");
    /** "734088604. 735958824": several numbers in one item of a number column. */
    private static final Pattern SEVERAL_NUMBERS = Pattern.compile("[A-Z0-9-]+(\\.\\s+[A-Z0-9-]+)+");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\(UK Sanctions List Ref\\):\\s*([A-Z]{2,4}\\d{3,5}(?:\\s*(?:and|,)\\s*[A-Z]{2,4}\\d{3,5})*)");
    /** "(Flag of ship):North Korea (Type of ship):Oil tanker": a ship's facts in "Other Information". */
    private static final Pattern SHIP_FACT = Pattern.compile(
            "\\((IMO number|Flag of ship|Type of ship|Tonnage of ship|Current owners)\\):\\s*([^(]*)");

    @Override
    public String name() {
        return "uk-ofsi-2022";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        Path file = ListFiles.single(files, name());
        String fileName = files.keySet().iterator().next();
        Sheet sheet = new Sheet();
        if (fileName.endsWith(".xlsx")) {
            XlsxRows.read(file, sheet::row);
        } else if (fileName.endsWith(".csv")) {
            readCsv(file, sheet);
        } else {
            throw new MalformedListException("the " + name() + " format reads OFSI's .xlsx or .csv file, got '"
                    + fileName + "'", null);
        }
        return sheet.parsed();
    }

    /** UTF-8 (a byte-order mark is skipped), or Windows-1252 as OFSI's older CSV files were when not UTF-8. */
    private static void readCsv(Path file, Sheet sheet) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, utf8(file) ? StandardCharsets.UTF_8
                : Charset.forName("windows-1252"))) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CSVParser parser = CSVFormat.DEFAULT.parse(reader);
            for (CSVRecord record : parser) {
                sheet.row((int) parser.getCurrentLineNumber(), record.toList());
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedListException("not readable as CSV: " + e.getMessage(), null);
        }
    }

    private static boolean utf8(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file)) { // reports malformed UTF-8 instead of replacing it
            char[] buffer = new char[8192];
            while (reader.read(buffer) >= 0) {
                // only decoding
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Finds the header among the first rows, then hands each row below it to its party. */
    private static final class Sheet {
        private final OfsiGroups groups = new OfsiGroups();
        /** Each distinct cell text once: a party's rows repeat its long "Other Information" on every name. */
        private final Map<String, String> texts = new HashMap<>();
        private final HeaderRow header = new HeaderRow(REQUIRED, HEADER_WITHIN);

        void row(int line, List<String> cells) {
            if (!header.found()) {
                header.offer(line, cells);
                return;
            }
            int width = header.width();
            String[] values = cells.stream().map(c -> c == null || c.isBlank() ? null : texts.computeIfAbsent(c.trim(),
                    t -> t)).toArray(String[]::new);
            if (Arrays.stream(values).allMatch(Objects::isNull)) {
                return; // a blank row: spreadsheets end with some
            }
            for (int i = width; i < values.length; i++) {
                if (values[i] != null) {
                    throw new MalformedListException("a value beyond the header's " + width + " columns", line);
                }
            }
            groups.add(line, column -> {
                Integer i = header.index(column);
                return i == null || i >= values.length ? null : values[i];
            });
        }

        ParsedList parsed() {
            header.require();
            return groups.parsed(SOURCE_LIST, UkOfsi2022::draft);
        }
    }

    private static DesignationDraft draft(String id, List<Row> rows) {
        Row prime = rows.stream().filter(r -> "Primary name".equals(r.value("Alias Type"))).findFirst()
                .orElse(rows.get(0));
        SubjectType type = ListFiles.subjectType(prime.value("Group Type"));
        String name = OfsiGroups.name(prime, type == SubjectType.PERSON);
        OfsiGroups.Party party = new OfsiGroups.Party();
        Set<String> names = new HashSet<>(Set.of(name));
        LocalDate listedOn = listedOn(rows, party);
        for (Row row : rows) {
            String rowName = OfsiGroups.name(row, type == SubjectType.PERSON);
            if (!rowName.isEmpty() && names.add(rowName)) {
                party.aliases.add(new Alias(rowName, aliasKind(row), null));
            }
            String original = row.value("Name Non-Latin Script");
            if (original != null && names.add(original)) {
                party.aliases.add(new Alias(original, aliasKind(row), ListFiles.script(original)));
            }
            party.addShared(row);
            OfsiGroups.numbered(row.value("Nationality"), NUMBERED)
                    .forEach(n -> Countries.code(n).ifPresent(party.nationalities::add));
            party.identifiers.addAll(documents("Passport", row.value("Passport Number"),
                    row.value("Passport Details")));
            party.identifiers.addAll(documents("National Identification Number",
                    row.value("National Identification Number"), row.value("National Identification Details")));
            Stream.of(row.value("Title") == null ? null : "Title: " + row.value("Title"),
                            row.value("Position") == null ? null : "Position: " + row.value("Position"),
                            row.value("Other Information"))
                    .filter(Objects::nonNull).forEach(party.remarks::add);
        }
        String information = prime.value("Other Information");
        Matcher reference = REFERENCE.matcher(information == null ? "" : information);
        return party.draft(id, type, name, type == SubjectType.VESSEL ? vessel(information) : null,
                listedOn, reference.find() ? reference.group(1) : null, SOURCE_LIST);
    }

    /** "FKA" rows are former names; the list marks some aliases "Low quality", which screening weighs less. */
    private static AliasKind aliasKind(Row row) {
        if ("FKA".equals(row.value("Alias Type"))) {
            return AliasKind.FKA;
        }
        return "Low quality".equals(row.value("Alias Quality")) ? AliasKind.WEAK : AliasKind.AKA;
    }

    /**
     * "(1) A-333602 (2) M110522" with "(1) India number, issued … (2) …": each number with the details of the same
     * position as notes, and the issuing country when the details start with one ("Afghanistan number, …").
     */
    private static List<Identifier> documents(String kind, String numbers, String details) {
        List<String> numberItems = items(numbers);
        List<String> detailItems = items(details);
        List<Identifier> documents = new ArrayList<>();
        for (int i = 0; i < numberItems.size(); i++) {
            String detail = i < detailItems.size() && !detailItems.get(i).isEmpty() ? detailItems.get(i) : null;
            String country = detail == null ? null : Countries.code(detail.split(" number|[,.;(]", 2)[0]).orElse(null);
            for (String number : SEVERAL_NUMBERS.matcher(numberItems.get(i)).matches()
                    ? numberItems.get(i).split("\\.\\s+") : new String[] {numberItems.get(i)}) {
                if (number.matches(".*[A-Za-z0-9].*") && number.length() <= 128) {
                    documents.add(new Identifier(kind, number, country,
                            detail == null ? null : detail.substring(0, Math.min(detail.length(), 512))));
                }
            }
        }
        return documents;
    }

    /** "(1) x (2) y" → [x, y] keeping empty and "-" items, so that numbers and details line up by position. */
    private static List<String> items(String field) {
        if (field == null) {
            return List.of();
        }
        if (!field.startsWith("(1)")) {
            return List.of(field.replaceAll("[.,;]$", "").trim());
        }
        return Arrays.stream(NUMBERED.split(field.substring(3), -1)).map(String::trim)
                .map(s -> s.replaceAll("[.,;]$", "").trim()).toList();
    }

    private static VesselDetails vessel(String information) {
        Map<String, String> facts = new HashMap<>();
        Matcher m = SHIP_FACT.matcher(information == null ? "" : information);
        while (m.find()) {
            facts.putIfAbsent(m.group(1), m.group(2).trim().replaceAll("[.,;]$", ""));
        }
        String imo = facts.get("IMO number");
        String type = facts.get("Type of ship");
        String owner = facts.get("Current owners");
        return new VesselDetails(imo != null && imo.matches("\\d{7}") ? imo : null, null, null,
                Countries.code(facts.get("Flag of ship")).orElse(null),
                type == null ? null : type.substring(0, Math.min(type.length(), 64)),
                ListFiles.tonnage(facts.get("Tonnage of ship")),
                owner == null ? null : owner.substring(0, Math.min(owner.length(), 512)));
    }

    /**
     * The first "Listed On" of a party's rows (a party under two regimes was listed twice), else its first date of
     * designation; the latest "Last Updated" and a designation date other than the listing's go to the remarks.
     */
    private static LocalDate listedOn(List<Row> rows, OfsiGroups.Party party) {
        LocalDate listedOn = earliest(rows, "Listed On");
        LocalDate designated = earliest(rows, "UK Sanctions List Date Designated");
        latest(rows, "Last Updated").ifPresent(d -> party.remarks.add("Last updated " + d));
        if (designated != null && !designated.equals(listedOn)) {
            party.remarks.add("UK Sanctions List date designated " + designated);
        }
        return listedOn != null ? listedOn : designated;
    }

    private static LocalDate earliest(List<Row> rows, String column) {
        return rows.stream().map(r -> OfsiGroups.date(r.value(column))).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static Optional<LocalDate> latest(List<Row> rows, String column) {
        return rows.stream().map(r -> OfsiGroups.date(r.value(column))).filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
    }
}
