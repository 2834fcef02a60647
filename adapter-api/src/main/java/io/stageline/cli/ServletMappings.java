package io.stageline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The servlet mappings of a web application as {@code explain} sees them: the {@code <servlet-mapping>} url-patterns of
 * {@code WEB-INF/web.xml} plus the containers' own {@code *.jsp} and {@code *.jspx} mappings to the {@code jsp}
 * servlet (Tomcat's {@code conf/web.xml} and Jetty's {@code webdefault} both have them; web.xml overrides them).
 * Annotations ({@code @WebServlet}) and {@code web-fragment.xml} are not read. Matching follows the Servlet
 * specification (§12.2): exact, longest path prefix, extension, then the default servlet ({@code /}).
 *
 * <p>web.xml is parsed with the JDK's DOM parser with secure processing on and every external entity, external DTD
 * and XInclude disabled; a DOCTYPE is allowed (web.xml 2.3 files carry one) but its DTD is never fetched.
 */
final class ServletMappings {
    /** The servlet the container would map a path to, and the url-pattern that decided it. */
    record Match(String servlet, String pattern, String source) {
    }

    private static final String CONTAINER = "container default";

    private final Map<String, Match> exact = new HashMap<>();
    private final List<Match> prefixes = new ArrayList<>();
    private final Map<String, Match> extensions = new HashMap<>();
    private final String source;
    private String defaultServlet;

    private ServletMappings(String source) {
        this.source = source;
    }

    /** No web application: every path goes to the container's default servlet. */
    static ServletMappings none() {
        return new ServletMappings(null);
    }

    /** The container's own mappings plus those of {@code webXml} (null: no web.xml). */
    static ServletMappings of(Path webXml) throws IOException {
        ServletMappings m = new ServletMappings(webXml == null ? null : webXml.toString());
        m.add("*.jsp", "jsp", CONTAINER);
        m.add("*.jspx", "jsp", CONTAINER);
        if (webXml != null) {
            try (InputStream in = Files.newInputStream(webXml)) {
                m.read(in, webXml.toString());
            }
        }
        m.prefixes.sort((a, b) -> Integer.compare(b.pattern().length(), a.pattern().length()));
        return m;
    }

    /** Where the mappings come from ({@code WEB-INF/web.xml}'s path), or null. */
    String source() {
        return source;
    }

    private void read(InputStream in, String label) throws IOException {
        Element root;
        try {
            root = builder().parse(in, label).getDocumentElement();
        } catch (SAXException e) {
            throw new IOException(label + ": cannot parse: " + e.getMessage(), e);
        }
        if (!"web-app".equals(name(root))) {
            throw new IOException(label + ": the root element is <" + name(root) + ">, not <web-app>");
        }
        for (Element mapping : children(root, "servlet-mapping")) {
            List<Element> names = children(mapping, "servlet-name");
            if (names.isEmpty()) {
                continue;
            }
            String servlet = names.get(0).getTextContent().trim();
            for (Element pattern : children(mapping, "url-pattern")) {
                add(pattern.getTextContent().trim(), servlet, label);
            }
        }
    }

    static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not change the mappings
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IOException("the JDK's XML parser cannot be configured securely: " + e.getMessage(), e);
        }
    }

    private static String name(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && name.equals(name(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private void add(String pattern, String servlet, String from) {
        Match m = new Match(servlet, pattern, from);
        if (pattern.equals("/")) {
            defaultServlet = servlet;
        } else if (pattern.endsWith("/*")) {
            prefixes.removeIf(p -> p.pattern().equals(pattern));
            prefixes.add(m);
        } else if (pattern.startsWith("*.")) {
            extensions.put(pattern.substring(2), m);
        } else if (pattern.isEmpty()) {
            exact.put("/", m);
        } else {
            exact.put(pattern, m);
        }
    }

    /** The mapping the container picks for {@code path}, or null when it falls to the default servlet. */
    Match match(String path) {
        Match m = exact.get(path);
        if (m != null) {
            return m;
        }
        for (Match p : prefixes) {
            String prefix = p.pattern().substring(0, p.pattern().length() - 2);
            if (prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return p;
            }
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > slash) {
            return extensions.get(path.substring(dot + 1));
        }
        return null;
    }

    /**
     * True when the container maps {@code path} to a servlet other than its default servlet, as the filter decides
     * it: a match that names the servlet mapped to {@code /} counts as the default servlet.
     */
    boolean nonDefault(Match m) {
        return m != null && !m.servlet().equals(defaultServlet);
    }

    /** The servlet web.xml maps to {@code /}, or null (the container's own default servlet). */
    String defaultServlet() {
        return defaultServlet;
    }

    static boolean isContainerDefault(Match m) {
        return CONTAINER.equals(m.source());
    }
}
