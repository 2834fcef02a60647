package io.stageline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.DocumentType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The servlet mappings of a web application as {@code explain} sees them: the {@code <servlet-mapping>} url-patterns of
 * {@code WEB-INF/web.xml}, the {@code @jakarta.servlet.annotation.WebServlet} annotations of the classes in
 * {@code WEB-INF/classes} and {@code WEB-INF/lib/*.jar} (read from the class files by {@link AnnotatedServlets}, never
 * loaded), plus the containers' own {@code *.jsp} and {@code *.jspx} mappings to the {@code jsp} servlet (Tomcat's
 * {@code conf/web.xml} and Jetty's {@code webdefault} both have them; the application's mappings override them).
 * Matching follows the Servlet specification (§12.2): exact, longest path prefix, extension, then the default servlet
 * ({@code /}).
 *
 * <p>Annotations follow Servlet §8.1 and §8.2.3: they are not read when web.xml's {@code <web-app>} says
 * {@code metadata-complete="true"} or its version is older than 2.5 (a 2.2/2.3 DOCTYPE counts as its version); a
 * servlet's name is the annotation's {@code name}, else the class's fully qualified name; when web.xml has a
 * {@code <servlet-mapping>} for that name, web.xml's url-patterns replace the annotation's. An annotation url-pattern
 * that web.xml (or an earlier annotation) already maps to another servlet is a deployment error in the containers:
 * it gets a warning and the earlier mapping is kept. The legacy {@code javax.servlet.annotation.WebServlet}, mappings of
 * {@code web-fragment.xml} and {@code ServletContainerInitializer}s, and {@code <absolute-ordering>} are not read.
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
    private final Set<String> webXmlServlets = new HashSet<>();
    private boolean metadataComplete;
    private boolean annotated;
    private Match defaultMatch;

    private ServletMappings(String source) {
        this.source = source;
    }

    /** No web application: every path goes to the container's default servlet. */
    static ServletMappings none() {
        return new ServletMappings(null);
    }

    /**
     * The container's own mappings plus those of {@code webXml} (null: no web.xml) and, when web.xml is in a folder
     * named {@code WEB-INF}, of that folder's {@code @WebServlet} classes; warnings go to {@code System.err}.
     */
    static ServletMappings of(Path webXml) throws IOException {
        return of(webXml, System.err);
    }

    /** As {@link #of(Path)}, with the warnings of the annotation scan printed to {@code err}. */
    static ServletMappings of(Path webXml, PrintStream err) throws IOException {
        Path parent = webXml == null ? null : webXml.toAbsolutePath().getParent();
        boolean inWebInf = parent != null && parent.getFileName() != null
                && "WEB-INF".equals(parent.getFileName().toString());
        Path webInf = !inWebInf ? null : webXml.getParent() != null ? webXml.getParent() : parent;
        return build(webXml, webInf, err);
    }

    /**
     * The mappings of the web application in folder {@code webapp}: its {@code WEB-INF/web.xml} when there is one and
     * its {@code @WebServlet} classes (also without a web.xml); warnings go to {@code err}.
     */
    static ServletMappings ofWebapp(Path webapp, PrintStream err) throws IOException {
        Path webInf = webapp.resolve("WEB-INF");
        Path webXml = webInf.resolve("web.xml");
        return build(Files.isRegularFile(webXml) ? webXml : null, webInf, err);
    }

    private static ServletMappings build(Path webXml, Path webInf, PrintStream err) throws IOException {
        ServletMappings m = new ServletMappings(webXml == null ? null : webXml.toString());
        m.add("*.jsp", "jsp", CONTAINER);
        m.add("*.jspx", "jsp", CONTAINER);
        if (webXml != null) {
            try (InputStream in = Files.newInputStream(webXml)) {
                m.read(in, webXml.toString());
            }
        }
        if (webInf != null && !m.metadataComplete) {
            Consumer<String> warn = w -> err.println("stageline: warning: " + w);
            m.annotations(AnnotatedServlets.scan(webInf, warn), warn);
        }
        m.prefixes.sort((a, b) -> Integer.compare(b.pattern().length(), a.pattern().length()));
        return m;
    }

    /**
     * Where the mappings come from, for "no url-pattern of ... matches": {@code WEB-INF/web.xml}'s path, that path
     * {@code or a @WebServlet annotation} when annotations map paths too, or null when nothing does.
     */
    String source() {
        if (!annotated) {
            return source;
        }
        return source != null ? source + " or a @WebServlet annotation" : "a @WebServlet annotation (no WEB-INF/web.xml)";
    }

    /** Adds the annotations' mappings (see the class comment for the rules). */
    private void annotations(List<AnnotatedServlets.Servlet> servlets, Consumer<String> warn) {
        Map<String, AnnotatedServlets.Servlet> byName = new HashMap<>();
        for (AnnotatedServlets.Servlet s : servlets) {
            AnnotatedServlets.Servlet first = byName.putIfAbsent(s.name(), s);
            if (first != null) {
                if (!first.className().equals(s.className())) {
                    warn.accept(s.origin() + ": ignored: the @WebServlet annotation on class " + s.className()
                            + " names servlet '" + s.name() + "', already the name of class " + first.className()
                            + " in " + first.origin() + " (the container refuses duplicate servlet names)");
                }
                continue;
            }
            if (webXmlServlets.contains(s.name())) {
                continue; // web.xml's <servlet-mapping>s of the servlet replace the annotation's url-patterns
            }
            for (String pattern : s.urlPatterns()) {
                Match taken = mapped(pattern);
                if (taken != null && !taken.servlet().equals(s.name())) {
                    warn.accept(s.origin() + ": the @WebServlet annotation on class " + s.className() + " maps url-pattern '"
                            + pattern + "' that " + taken.source() + " maps to servlet '" + taken.servlet() + "' (the "
                            + "container refuses to deploy that); explain keeps '" + taken.servlet() + "'");
                    continue;
                }
                add(pattern, s.name(), s.source());
                annotated = true;
            }
        }
    }

    /** The application's (not the container's default) mapping of exactly {@code pattern}, or null. */
    private Match mapped(String pattern) {
        Match m;
        if (pattern.equals("/")) {
            m = defaultMatch;
        } else if (pattern.endsWith("/*")) {
            m = prefixes.stream().filter(p -> p.pattern().equals(pattern)).findFirst().orElse(null);
        } else if (pattern.startsWith("*.")) {
            m = extensions.get(pattern.substring(2));
        } else {
            m = exact.get(pattern.isEmpty() ? "/" : pattern);
        }
        return m == null || isContainerDefault(m) ? null : m;
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
        metadataComplete = "true".equalsIgnoreCase(root.getAttribute("metadata-complete").trim())
                || olderThan25(root);
        for (Element mapping : children(root, "servlet-mapping")) {
            List<Element> names = children(mapping, "servlet-name");
            if (names.isEmpty()) {
                continue;
            }
            String servlet = names.get(0).getTextContent().trim();
            webXmlServlets.add(servlet);
            for (Element pattern : children(mapping, "url-pattern")) {
                add(pattern.getTextContent().trim(), servlet, label);
            }
        }
    }

    /** A web.xml of version 2.4 or older (by its version attribute, else its DOCTYPE) is metadata-complete. */
    private static boolean olderThan25(Element root) {
        String version = root.getAttribute("version").trim();
        if (version.isEmpty()) {
            DocumentType doctype = root.getOwnerDocument().getDoctype();
            String id = doctype == null || doctype.getPublicId() == null ? "" : doctype.getPublicId();
            return id.contains("DTD Web Application 2.2") || id.contains("DTD Web Application 2.3");
        }
        String[] parts = version.split("\\.", 3);
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < 2 || major == 2 && minor < 5;
        } catch (NumberFormatException e) {
            return false;
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
            defaultMatch = m;
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
        return m != null && (defaultMatch == null || !m.servlet().equals(defaultMatch.servlet()));
    }

    /** The servlet web.xml or an annotation maps to {@code /}, or null (the container's own default servlet). */
    String defaultServlet() {
        return defaultMatch == null ? null : defaultMatch.servlet();
    }

    static boolean isContainerDefault(Match m) {
        return CONTAINER.equals(m.source());
    }
}
