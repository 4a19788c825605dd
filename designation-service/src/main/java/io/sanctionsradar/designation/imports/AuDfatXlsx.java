package io.sanctionsradar.designation.imports;

import io.sanctionsradar.designation.domain.Measure;
import io.sanctionsradar.designation.domain.MeasureType;
import io.sanctionsradar.designation.domain.SubjectType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Australia's Consolidated List ({@code regulation8_consolidated.xlsx}, Department of Foreign Affairs and Trade,
 * Australian Sanctions Office), published under the Creative Commons Attribution 4.0 licence (CC BY 4.0; attribute
 * DFAT). It holds the listings of Australia's autonomous sanctions and of its implementation of UN Security Council
 * regimes, one row per name. Reference "1234" is a listing's primary name; "1234a", "1234b" … (and "2672a1",
 * "2672a2" … for variants of a variant) are its other names, among them the "Original Script" ones. A listing is
 * one designation, its base number the {@code sourceId}; a row of it may stand apart from the others in the file.
 * Values are trimmed and compared without case: the file writes "aka", "Aka" and "Aka " alike.
 *
 * <p>Date cells are read as dates whatever their cell format ({@link XlsxRows.Dates#ISO}): the file mixes Excel's
 * US short date with dd/mm/yyyy. {@code listedOn} and the rest of a listing's facts: {@link AuDfatListing}.
 *
 * <p>Measures, as Australian law attaches them to a listing: every listing is a targeted financial sanction, an
 * asset freeze (no use of or dealing with the listed party's assets) and a ban on making assets available to it
 * ({@code FINANCIAL_DEALINGS_BAN}); a listed individual is also barred from entering Australia ({@code ENTRY_BAN}:
 * "declared" under the Autonomous Sanctions Regulations 2011, and under the UN regimes' travel bans), except under
 * resolutions 1373 (Australia's own counter-terrorism listings) and 1518 (Iraq), which freeze assets only.
 */
public class AuDfatXlsx implements ListFormat {

    public static final String SOURCE_LIST = "AU-DFAT-CONSOLIDATED";
    static final String AUTHORITY = "AU-DFAT";
    static final String REFERENCE = "Reference";
    static final String NAME = "Name of Individual or Entity";
    static final String TYPE = "Type";
    static final String NAME_TYPE = "Name Type";
    static final String BIRTH_DATE = "Date of Birth";
    static final String BIRTH_PLACE = "Place of Birth";
    static final String CITIZENSHIP = "Citizenship";
    static final String ADDRESS = "Address";
    static final String INFORMATION = "Additional Information";
    static final String LISTING = "Listing Information";
    static final String COMMITTEES = "Committees";
    static final String CONTROL_DATE = "Control Date";
    /** The columns this parser reads: the file's twelve. */
    static final List<String> COLUMNS = List.of(REFERENCE, NAME, TYPE, NAME_TYPE, BIRTH_DATE, BIRTH_PLACE,
            CITIZENSHIP, ADDRESS, INFORMATION, LISTING, COMMITTEES, CONTROL_DATE);
    /** DFAT's header is the first row; a header further down means this is some other sheet. */
    private static final int HEADER_WITHIN = 10;
    /** "1234", "1234a", "2672a10": the listing's number, then the name's letter(s) and number under it. */
    private static final Pattern REFERENCE_NUMBER = Pattern.compile("(\\d{1,9})([a-z]{1,3}\\d{0,3})?",
            Pattern.CASE_INSENSITIVE);

    private static final String AUTONOMOUS_ACT = "Autonomous Sanctions Act 2011; Autonomous Sanctions Regulations 2011";
    private static final String UN_ACT = "Charter of the United Nations Act 1945";
    private static final String IN_AUSTRALIA = "Persons in Australia and Australians anywhere";
    static final Measure FREEZE = new Measure(MeasureType.ASSET_FREEZE, IN_AUSTRALIA, "Targeted financial "
            + "sanction: no use of or dealing with an asset the listed party owns or controls", null, null);
    static final Measure NOTHING_MADE_AVAILABLE = new Measure(MeasureType.FINANCIAL_DEALINGS_BAN, IN_AUSTRALIA,
            "Targeted financial sanction: no asset made available, directly or indirectly, to or for the benefit of "
                    + "the listed party", null, null);
    static final Measure TRAVEL_BAN = new Measure(MeasureType.ENTRY_BAN, "Australia", "Travel ban: may not enter "
            + "or transit through Australia", null, null);

    @Override
    public String name() {
        return "au-dfat-xlsx";
    }

    @Override
    public ParsedList parse(Map<String, Path> files) throws IOException {
        Sheet sheet = new Sheet();
        XlsxRows.read(ListFiles.single(files, name()), XlsxRows.Dates.ISO, sheet::row);
        return sheet.parsed();
    }

    /** The measures of a listing under these committees (their text as the file gives it). */
    static List<Measure> measures(SubjectType type, List<String> committees) {
        boolean travelBan = type == SubjectType.PERSON
                && committees.stream().anyMatch(c -> !c.matches("(1373|1518)\\b.*"));
        return travelBan ? List.of(FREEZE, NOTHING_MADE_AVAILABLE, TRAVEL_BAN)
                : List.of(FREEZE, NOTHING_MADE_AVAILABLE);
    }

    /** One row below the header: its line and its cleaned values by column, absent where blank. */
    record Row(int line, Map<String, String> values) {

        String value(String column) {
            return values.get(column);
        }

        /** The Name Type as a key: "primary name", "aka", "original script", "formerly known as" … */
        String nameType() {
            String nameType = value(NAME_TYPE);
            return nameType == null ? "" : nameType.toLowerCase(Locale.ROOT);
        }
    }

    /** Finds the header, then files each row under its listing's number. */
    private static final class Sheet {
        private final Map<String, AuDfatListing> listings = new LinkedHashMap<>();
        private final List<Rejection> rejections = new ArrayList<>();
        /** Each distinct cell text once: a listing's rows repeat its long Additional and Listing Information. */
        private final Map<String, String> texts = new HashMap<>();
        private final HeaderRow header = new HeaderRow(COLUMNS, HEADER_WITHIN);

        void row(int line, List<String> cells) {
            if (!header.found()) {
                header.offer(line, cells);
                return;
            }
            int width = header.width();
            if (IntStream.range(width, cells.size()).anyMatch(i -> !ListFiles.clean(cells.get(i)).isEmpty())) {
                throw new MalformedListException("a value beyond the header's " + width + " columns", line);
            }
            Map<String, String> values = new HashMap<>();
            COLUMNS.forEach(column -> {
                int i = header.index(column);
                String value = i < cells.size() ? ListFiles.clean(cells.get(i)) : "";
                if (!value.isEmpty()) {
                    values.put(column, texts.computeIfAbsent(value, v -> v));
                }
            });
            if (!values.isEmpty()) { // spreadsheets end with blank rows
                add(new Row(line, values));
            }
        }

        private void add(Row row) {
            String reference = row.value(REFERENCE);
            Matcher number = REFERENCE_NUMBER.matcher(reference == null ? "" : reference);
            if (!number.matches()) {
                rejections.add(Rejection.atLine(row.line(), null, reference == null ? "no Reference"
                        : "Reference '" + reference + "' is not a listing number with an optional letter"));
            } else if (row.value(NAME) == null) {
                rejections.add(Rejection.atLine(row.line(), number.group(1), "no " + NAME));
            } else {
                listings.computeIfAbsent(number.group(1), AuDfatListing::new).add(row);
            }
        }

        ParsedList parsed() {
            header.require();
            List<ListEntry> entries = new ArrayList<>(listings.size());
            listings.values().forEach(l -> entries.add(ListEntry.atLine(l.line(), l.draft())));
            return new ParsedList(SOURCE_LIST, entries, List.copyOf(rejections));
        }
    }

    /** The Act the listing's regimes are made under: the autonomous sanctions or the UN Charter one. */
    static String legalBasis(List<String> committees) {
        boolean autonomous = committees.stream().anyMatch(c -> c.startsWith("Autonomous"));
        boolean un = committees.stream().anyMatch(c -> Character.isDigit(c.charAt(0)));
        return autonomous && un ? AUTONOMOUS_ACT + "; " + UN_ACT : autonomous ? AUTONOMOUS_ACT : un ? UN_ACT : null;
    }

    /** "Autonomous (Russia)" → AU-AUTONOMOUS-RUSSIA; a UN regime by its resolutions → AU-UNSC-1988-TALIBAN. */
    static String programme(String committee) {
        String code = ListFiles.programmeCode(Character.isDigit(committee.charAt(0)) ? "AU-UNSC" : "AU", committee);
        return code.length() > 64 ? code.substring(0, 64).replaceAll("-$", "") : code;
    }
}
