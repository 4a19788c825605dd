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
import java.util.function.Consumer;

/**
 * Streams the record elements of a list's XML file one at a time, each as a small tree, so that memory stays
 * bounded by one record whatever the file's size. DTDs and external entities are off: a list file cannot make
 * the service read local files or expand entities.
 */
final class XmlRecords {

    /** One element: its name, attributes, own text and children. */
    record Element(String name, java.util.Map<String, String> attributes, String text, List<Element> children, int line) {

        /** A trimmed attribute, or null when absent or blank. */
        String attr(String name) {
            String value = attributes.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        }

        String child(String name) {
            return children.stream().filter(c -> c.name.equals(name)).map(Element::text)
                    .filter(t -> t != null && !t.isBlank()).map(String::trim).findFirst().orElse(null);
        }

        /** The first child element named {@code name}, or null when there is none. */
        Element element(String name) {
            return children.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
        }

        List<Element> all(String name) {
            return children.stream().filter(c -> c.name.equals(name)).toList();
        }
    }

    private XmlRecords() {
    }

    /**
     * Calls {@code each} for every element named in {@code recordNames}.
     *
     * @throws MalformedListException if the root is not {@code rootName} or the XML is broken
     */
    static void read(Path file, String rootName, Set<String> recordNames, Consumer<Element> each)
            throws IOException {
        read(file, Set.of(rootName), recordNames, each);
    }

    /** The same for a format whose files may have one of several root elements (versions of one format). */
    static void read(Path file, Set<String> rootNames, Set<String> recordNames, Consumer<Element> each)
            throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                boolean rootSeen = false;
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = xml.getLocalName();
                    if (!rootSeen) {
                        if (!rootNames.contains(name)) {
                            throw new MalformedListException("the root element should be " + String.join(" or ",
                                    rootNames) + ", not " + name, xml.getLocation().getLineNumber());
                        }
                        rootSeen = true;
                    } else if (recordNames.contains(name)) {
                        each.accept(element(xml));
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
        java.util.Map<String, String> attributes = new java.util.HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
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
        return new Element(name, attributes, text.toString(), children, line);
    }
}
