package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Alias;
import io.sanctionsradar.designation.domain.AliasKind;
import io.sanctionsradar.designation.domain.DesignationDraft;
import io.sanctionsradar.designation.domain.Identifier;
import io.sanctionsradar.designation.domain.SubjectType;
import io.sanctionsradar.designation.imports.OfsiGroups.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * HM Treasury's (OFSI) consolidated list as CSV in its 2018 layout: Windows-1252, a "Last Updated" first line, then
 * a header, then one row per name of a listed party; the rows of one party share its {@code Group ID}, which becomes
 * the source id. The "Prime Alias" row names the party, the others are aliases. UK financial sanctions freeze assets.
 * The current layout is {@link UkOfsi2022}; what both share is in {@link OfsiGroups}.
 */
public class UkOfsiCsv implements ListFormat {

    public static final String SOURCE_LIST = "UK-OFSI-CONSOLIDATED";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<String> REQUIRED = List.of("Name 6", "Name 1", "DOB", "Nationality", "Country",
            "Group Type", "Alias Type", "Regime", "Listed On", "Group ID");
    private static final Pattern NUMBERED = Pattern.compile("\\s*\\d+\\)\\s*");
    /**
     * A document number inside the free text of "Passport Details" / "NI Number": a word of five or more letters and
     * digits that starts with at most three letters then a digit (so dates and words are not), with the country
     * that may follow in brackets ("2255278 (Syria)").
     */
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile(
            "\\b([A-Z]{0,3}\\d[A-Z0-9]{4,})\\b(?:\\s*\\(([^)]+)\\))?");

    @Override
    public String name() {
        return "uk-ofsi-csv";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        OfsiGroups groups = new OfsiGroups();
        try (BufferedReader reader = Files.newBufferedReader(ListFiles.single(files, name()), WINDOWS_1252)) {
            String first = reader.readLine();
            if (first == null || !first.startsWith("Last Updated")) {
                throw new MalformedListException("an OFSI consolidated list starts with a 'Last Updated' line", 1);
            }
            CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
            List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new MalformedListException("the header lacks " + missing, 2);
            }
            int columns = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber() + 1; // + the "Last Updated" line read before
                if (record.size() != columns) {
                    throw new MalformedListException("the header has " + columns + " columns, this row " + record.size(), line);
                }
                groups.add(line, column -> ListFiles.value(record, column));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedListException("not readable as CSV: " + e.getMessage(), null);
        }
        return groups.parsed(SOURCE_LIST, UkOfsiCsv::draft);
    }

    /** The document numbers of a free-text column, each of this kind (see {@link #DOCUMENT_NUMBER}). */
    private static List<Identifier> documents(String kind, String text) {
        if (text == null) {
            return List.of();
        }
        List<Identifier> out = new ArrayList<>();
        Matcher m = DOCUMENT_NUMBER.matcher(text);
        while (m.find()) {
            String country = m.group(2) == null ? null : Countries.code(m.group(2).trim()).orElse(null);
            out.add(new Identifier(kind, m.group(1), country, null));
        }
        return out;
    }

    private static DesignationDraft draft(String id, List<Row> rows) {
        Row prime = rows.stream().filter(r -> "Prime Alias".equals(r.value("Alias Type"))).findFirst()
                .orElse(rows.get(0));
        boolean individual = "Individual".equals(prime.value("Group Type"));
        String name = OfsiGroups.name(prime, individual);
        OfsiGroups.Party party = new OfsiGroups.Party();
        for (Row row : rows) {
            String rowName = OfsiGroups.name(row, individual);
            if (!rowName.equals(name) && !rowName.isEmpty()) {
                party.aliases.add(new Alias(rowName, "FKA".equals(row.value("Alias Type")) ? AliasKind.FKA
                        : AliasKind.AKA, null));
            }
            party.addShared(row);
            OfsiGroups.numbered(row.value("Nationality"), NUMBERED)
                    .forEach(n -> Countries.code(n).ifPresent(party.nationalities::add));
            party.identifiers.addAll(documents("Passport", row.value("Passport Details")));
            party.identifiers.addAll(documents("National Identification Number", row.value("NI Number")));
            Stream.of(row.value("Title") == null ? null : "Title: " + row.value("Title"),
                            row.value("Position") == null ? null : "Position: " + row.value("Position"),
                            row.value("Passport Details") == null ? null : "Passport: " + row.value("Passport Details"),
                            row.value("NI Number") == null ? null : "National identification: " + row.value("NI Number"),
                            row.value("Other Information"))
                    .filter(Objects::nonNull).forEach(party.remarks::add);
        }
        return party.draft(id, individual ? SubjectType.PERSON : SubjectType.ORGANIZATION, name, null,
                OfsiGroups.date(prime.value("Listed On")), null, SOURCE_LIST);
    }
}
