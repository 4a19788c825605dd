package io.sanctionsradar.designation.imports;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Streams the record elements of a list's XML file one at a time, each as a small tree, so that memory stays
 * bounded by one record whatever the file's size. DTDs and external entities are off: a list file cannot make
 * the service read local files or expand entities.
 */
final class XmlRecords {

    /** One element: its name, its own text and its children. */
    record Element(String name, String text, List<Element> children, int line) {

        String child(String name) {
            return children.stream().filter(c -> c.name.equals(name)).map(Element::text)
                    .filter(t -> t != null && !t.isBlank()).map(String::trim).findFirst().orElse(null);
        }

        List<Element> all(String name) {
            return children.stream().filter(c -> c.name.equals(name)).toList();
        }
    }

    private XmlRecords() {
    }

    /**
     * Calls {@code each} for every element named in {@code recordNames}, with its 1-based position.
     *
     * @throws MalformedListException if the root is not {@code rootName} or the XML is broken
     */
    static void read(Path file, String rootName, Set<String> recordNames, BiConsumer<Integer, Element> each)
            throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                boolean rootSeen = false;
                int position = 0;
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = xml.getLocalName();
                    if (!rootSeen) {
                        if (!name.equals(rootName)) {
                            throw new MalformedListException("the root element should be " + rootName + ", not "
                                    + name, xml.getLocation().getLineNumber());
                        }
                        rootSeen = true;
                    } else if (recordNames.contains(name)) {
                        each.accept(++position, element(xml));
                    }
                }
                if (!rootSeen) {
                    throw new MalformedListException("no XML element at all", null);
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNumber();
            throw new MalformedListException("broken XML: " + e.getMessage().replaceAll("\\s+", " "), line);
        }
    }

    /** Reads the element the reader stands on, up to its end tag. */
    private static Element element(XMLStreamReader xml) throws XMLStreamException {
        String name = xml.getLocalName();
        int line = xml.getLocation().getLineNumber();
        StringBuilder text = new StringBuilder();
        List<Element> children = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(element(xml));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        return new Element(name, text.toString(), children, line);
    }
}
