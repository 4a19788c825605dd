package io.sanctionsradar.designation.imports;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the rows of an Excel workbook's (.xlsx) first sheet one at a time with Apache POI's event API: the sheet's
 * XML is read by SAX, never built into a workbook in memory, so the heap holds one row plus the shared strings
 * table whatever the number of rows. Cells show as Excel formats them (a date cell as its dd/MM/yyyy text), or,
 * with {@link Dates#ISO}, date cells as ISO dates.
 */
final class XlsxRows {

    /** Receives each row: its 1-based number in the sheet and its cells by column, null where a cell is absent. */
    @FunctionalInterface
    interface RowHandler {
        void row(int number, List<String> cells);
    }

    /** How date cells read: as their cell format shows them, or as yyyy-MM-dd whatever their format. */
    enum Dates {
        AS_FORMATTED, ISO
    }

    private XlsxRows() {
    }

    /** @throws MalformedListException if the file is not an .xlsx workbook or its XML is broken */
    static void read(Path file, RowHandler each) throws IOException {
        read(file, Dates.AS_FORMATTED, each);
    }

    /** @throws MalformedListException if the file is not an .xlsx workbook or its XML is broken */
    static void read(Path file, Dates dates, RowHandler each) throws IOException {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new MalformedListException("the workbook has no sheet", null);
            }
            XMLReader parser = XMLHelper.newXMLReader(); // POI's secure SAX reader: no DTDs, no external entities
            parser.setContentHandler(new XSSFSheetXMLHandler(styles, new Texts(strings), new Rows(each),
                    dates == Dates.ISO ? new IsoDates() : new DataFormatter(Locale.UK), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | OpenXML4JRuntimeException | POIXMLException | SAXException
                 | ParserConfigurationException | UnsupportedFileFormatException e) {
            // how POI says "not a zip", "an old .xls", "no workbook part", "broken XML"
            throw new MalformedListException("not readable as an .xlsx workbook: " + e.getMessage(), null);
        }
    }

    /**
     * Date cells as yyyy-MM-dd: POI shows Excel's built-in short date (format 14) as US m/d/yy whatever the locale,
     * so "1/12/24" is 12 January and "4/10/51" a birth in 1951, where a sheet also has dd/mm/yyyy cells.
     */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    /**
     * The shared strings, each made text once: POI's read-only table wraps the text in a new XMLBeans object for
     * every cell that refers to it (about half the reading time of the UK list); cells repeating a text share it.
     */
    private static final class Texts implements SharedStrings {
        private final SharedStrings table;
        private final Map<Integer, String> texts = new HashMap<>();

        Texts(SharedStrings table) {
            this.table = table;
        }

        @Override
        public RichTextString getItemAt(int index) {
            return new HSSFRichTextString(texts.computeIfAbsent(index, i -> table.getItemAt(i).getString()));
        }

        @Override
        public int getCount() {
            return table.getCount();
        }

        @Override
        public int getUniqueCount() {
            return table.getUniqueCount();
        }
    }

    /** Gathers the cells POI reports for a row and hands the row on when it ends. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler each;
        private final List<String> cells = new ArrayList<>();

        Rows(RowHandler each) {
            this.each = each;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            each.row(rowNum + 1, Collections.unmodifiableList(new ArrayList<>(cells)));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            // a cell without a reference follows the previous one; absent cells before it stay null
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
        }
    }
}
