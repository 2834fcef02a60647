package io.stageline.match;

import java.util.Locale;
import java.util.Objects;

/**
 * A compiled handler-mapping {@code path} mask (IIS {@code <handlers>} semantics, reference §3.3), immutable and
 * thread-safe. Matching never allocates, never uses regular expressions and never lower-cases a string.
 *
 * <p>The input of every matching method is the canonical application-relative decoded path: it starts with
 * {@code /} and ends with {@code /} for a directory URL (whose last segment is then empty). Callers MUST NOT pass a
 * query string, a raw request URI or a path that still holds {@code .}/{@code ..} segments; such a path is the
 * caller's bug, and only a missing leading {@code /} is detected ({@link IllegalArgumentException}).
 *
 * <p>Rules:
 * <ul>
 *   <li>A mask without {@code /} tests the <b>last segment</b> only: {@code *.aspx} matches {@code /a/b/x.ASPX},
 *       {@code trace.axd} matches {@code trace.axd} in any folder, {@code *ScriptResource.axd} is a glob on the
 *       segment.</li>
 *   <li>{@code *} alone matches every path, directory URLs included.</li>
 *   <li>{@code *.} alone means <em>extensionless</em>: the last segment has no {@code .} or ends with {@code .}.
 *       Decision: it does <b>not</b> match a directory URL (empty last segment), so that a directory keeps reaching
 *       the default-document handler instead of an extensionless-URL handler placed before it. Inside a mask that
 *       contains {@code /}, {@code *.} is an ordinary glob (a segment ending with {@code .}).</li>
 *   <li>A mask with {@code /} must match a suffix of the path that begins at the path start or right after a
 *       {@code /}: {@code Device/*} matches {@code /a/sub/Device/page.aspx}; {@code api/*} matches {@code /api/x}
 *       but not {@code /api/x/y}; a leading {@code /} anchors at the application root, so {@code /hello} matches
 *       only {@code /hello}. As in ASP.NET's matcher the suffix may be the whole path, so <code>*&#47;x</code> also
 *       matches {@code /x}, its {@code *} matching the empty text before the first {@code /}.</li>
 *   <li>{@code *} matches any run of characters except {@code /}; {@code ?} matches exactly one character except
 *       {@code /}; every other character is literal and compared case-insensitively (see below). There is no
 *       escape character.</li>
 * </ul>
 *
 * <p>Case-insensitivity: two characters are equal when {@code toLowerCase(toUpperCase(c))} agree (plain ASCII
 * folding for ASCII). This is an equivalence relation, which keeps {@link HandlerTable}'s hash index exact.
 *
 * <p>Masks rejected by {@link #compile(String)}: empty, containing {@code \}, {@code //}, whitespace, a control
 * character, {@code ,} (ASP.NET's alternative masks are not supported: write one mapping per mask), or a {@code .}
 * or {@code ..} segment (a canonical path never has one, so the mask could never match).
 */
public final class PathMask {
    /** The shape of a mask, for indexing and diagnostics. */
    public enum Kind {
        /** {@code *}: every path. */
        ANY,
        /** {@code *.}: last segment non-empty without a {@code .}, or ending with {@code .}. */
        EXTENSIONLESS,
        /** {@code *.ext}: last segment ends with {@code .ext}; {@link #key()} is {@code ext}. */
        EXTENSION,
        /** No wildcard and no {@code /}: last segment equals the mask; {@link #key()} is the mask. */
        EXACT_SEGMENT,
        /** Other masks without {@code /}: a glob over the last segment. */
        SEGMENT_GLOB,
        /** Contains {@code /}, no wildcard: segment-aligned literal suffix. */
        SUFFIX_LITERAL,
        /** Contains {@code /} and a wildcard: segment-aligned glob suffix. */
        SUFFIX_GLOB
    }

    /** {@link #indexType()}: the mask says nothing usable about the last segment. */
    static final int INDEX_NONE = 0;
    /** {@link #indexType()}: the last segment must equal {@link #indexKey()}. */
    static final int INDEX_EXACT = 1;
    /** {@link #indexType()}: the last segment's extension (text after its last dot) must equal the key. */
    static final int INDEX_EXTENSION = 2;
    /** {@link #indexType()}: the last segment must be extensionless. */
    static final int INDEX_EXTENSIONLESS = 3;

    // One int per Kind, so that the hot-path switch is a plain int switch (see code(Kind)).
    private static final int ANY_CODE = 0;
    private static final int EXTENSIONLESS_CODE = 1;
    private static final int EXTENSION_CODE = 2;
    private static final int EXACT_SEGMENT_CODE = 3;
    private static final int SEGMENT_GLOB_CODE = 4;
    private static final int SUFFIX_LITERAL_CODE = 5;
    private static final int SUFFIX_GLOB_CODE = 6;

    private final String mask;
    private final String folded;
    private final Kind kind;
    private final int kindCode;
    private final String key;
    private final boolean anchored;
    private final int slashes;
    private final int indexType;
    private final String indexKey;
    private final String parentKey;

    private PathMask(String mask, Kind kind, String key) {
        this.mask = mask;
        this.folded = CaseFold.fold(mask);
        this.kind = kind;
        this.kindCode = code(kind);
        this.key = key;
        this.anchored = mask.charAt(0) == '/';
        int n = 0;
        for (int i = 0; i < mask.length(); i++) {
            if (mask.charAt(i) == '/') {
                n++;
            }
        }
        this.slashes = n;
        int lastSlash = folded.lastIndexOf('/');
        String parent = lastSlash > 0 ? folded.substring(folded.lastIndexOf('/', lastSlash - 1) + 1, lastSlash) : "";
        this.parentKey = parent.isEmpty() || hasWildcard(parent, 0) ? null : parent;
        String last = folded.substring(lastSlash + 1);
        if (kind == Kind.ANY) {
            indexType = INDEX_NONE;
            indexKey = null;
        } else if (kind == Kind.EXTENSIONLESS) {
            indexType = INDEX_EXTENSIONLESS;
            indexKey = null;
        } else if (!hasWildcard(last, 0)) {
            indexType = INDEX_EXACT;
            indexKey = last;
        } else {
            int dot = last.lastIndexOf('.');
            boolean literalExtension = dot >= 0 && dot < last.length() - 1 && !hasWildcard(last, dot + 1);
            indexType = literalExtension ? INDEX_EXTENSION : INDEX_NONE;
            indexKey = literalExtension ? last.substring(dot + 1) : null;
        }
    }

    private static int code(Kind kind) {
        switch (kind) {
            case ANY:
                return ANY_CODE;
            case EXTENSIONLESS:
                return EXTENSIONLESS_CODE;
            case EXTENSION:
                return EXTENSION_CODE;
            case EXACT_SEGMENT:
                return EXACT_SEGMENT_CODE;
            case SEGMENT_GLOB:
                return SEGMENT_GLOB_CODE;
            case SUFFIX_LITERAL:
                return SUFFIX_LITERAL_CODE;
            default:
                return SUFFIX_GLOB_CODE;
        }
    }

    /**
     * Compiles a mask.
     *
     * @throws IllegalArgumentException naming the mask and the reason when the mask is invalid (see the class comment)
     */
    public static PathMask compile(String mask) {
        Objects.requireNonNull(mask, "mask");
        validate(mask);
        if (mask.indexOf('/') >= 0) {
            return new PathMask(mask, hasWildcard(mask, 0) ? Kind.SUFFIX_GLOB : Kind.SUFFIX_LITERAL, null);
        }
        if (mask.equals("*")) {
            return new PathMask(mask, Kind.ANY, null);
        }
        if (mask.equals("*.")) {
            return new PathMask(mask, Kind.EXTENSIONLESS, null);
        }
        if (!hasWildcard(mask, 0)) {
            return new PathMask(mask, Kind.EXACT_SEGMENT, mask);
        }
        if (mask.startsWith("*.") && !hasWildcard(mask, 2) && mask.indexOf('.', 2) < 0) {
            return new PathMask(mask, Kind.EXTENSION, mask.substring(2));
        }
        return new PathMask(mask, Kind.SEGMENT_GLOB, null);
    }

    private static void validate(String mask) {
        if (mask.isEmpty()) {
            throw invalid(mask, "it is empty");
        }
        for (int i = 0; i < mask.length(); i++) {
            char c = mask.charAt(i);
            if (c == '\\') {
                throw invalid(mask, "it contains '\\' at index " + i + "; segments are separated by '/'");
            }
            if (c == ',') {
                throw invalid(mask, "it contains ',' at index " + i
                        + "; alternative masks are not supported, write one mapping per mask");
            }
            if (Character.isISOControl(c)) {
                throw invalid(mask, "it contains a control character at index " + i);
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw invalid(mask, "it contains whitespace at index " + i);
            }
            if (c == '/' && i + 1 < mask.length() && mask.charAt(i + 1) == '/') {
                throw invalid(mask, "it contains an empty segment ('//') at index " + i);
            }
        }
        int start = 0;
        while (start <= mask.length()) {
            int end = mask.indexOf('/', start);
            end = end < 0 ? mask.length() : end;
            if (mask.startsWith(".", start) && (end - start == 1 || end - start == 2 && mask.charAt(start + 1) == '.')) {
                throw invalid(mask, "it contains a '.' or '..' segment, which a canonical path never has");
            }
            start = end + 1;
        }
    }

    private static IllegalArgumentException invalid(String mask, String reason) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < mask.length(); i++) {
            char c = mask.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isISOControl(c)) {
                String hex = Integer.toHexString(c | 0x10000).toUpperCase(Locale.ROOT);
                shown.append("\\u").append(hex, 1, 5);
            } else {
                shown.append(c);
            }
        }
        return new IllegalArgumentException("invalid path mask '" + shown + "': " + reason);
    }

    private static boolean hasWildcard(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }

    /** The mask as written. */
    public String mask() {
        return mask;
    }

    /** The shape of this mask; {@link HandlerTable} indexes by it. */
    public Kind kind() {
        return kind;
    }

    /**
     * The literal key, as written: the extension without its dot for {@link Kind#EXTENSION} ({@code jsp} for
     * {@code *.jsp}), the segment for {@link Kind#EXACT_SEGMENT}; null for every other kind.
     */
    public String key() {
        return key;
    }

    /** True when the whole path matches (see the class comment). */
    public boolean matches(String path) {
        checkPath(path);
        return matchesPrefix(path, path.length(), path.lastIndexOf('/'));
    }

    /**
     * Matching for {@code allowPathInfo} mappings: the mask may match the path up to the end of an earlier segment,
     * the rest being PATH_INFO. The leftmost such segment wins. Returns the index where PATH_INFO starts (the
     * {@code /} after the matched segment), {@code path.length()} when only the whole path matches, or -1 when nothing
     * matches. Example: {@code *.dll} on {@code /vdir/test.dll/myinfo} returns 14, the index of {@code /myinfo}.
     * Being leftmost, {@code *} (and {@code *.} on {@code /a/b.jsp}) ends the file part at the first segment.
     */
    public int matchPathInfo(String path) {
        checkPath(path);
        int n = path.length();
        int lastSlash = 0;
        for (int end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
            if (matchesPrefix(path, end, lastSlash)) {
                return end;
            }
            lastSlash = end;
        }
        return matchesPrefix(path, n, lastSlash) ? n : -1;
    }

    static void checkPath(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }

    /** Matching of the path {@code path[0, end)}, whose last '/' is at {@code lastSlash}; {@code end > 0}. */
    boolean matchesPrefix(String path, int end, int lastSlash) {
        switch (kindCode) {
            case ANY_CODE:
                return true;
            case EXTENSIONLESS_CODE:
                return extensionless(path, end);
            case EXTENSION_CODE:
                return extension(path, end);
            case EXACT_SEGMENT_CODE:
                return exactSegment(path, end);
            case SEGMENT_GLOB_CODE:
                return Glob.matches(folded, path, lastSlash + 1, end);
            case SUFFIX_LITERAL_CODE:
                return literalSuffix(path, end);
            default:
                return globSuffix(path, end, lastSlash);
        }
    }

    private static boolean extensionless(String path, int end) {
        char last = path.charAt(end - 1);
        if (last == '/') {
            return false;
        }
        if (last == '.') {
            return true;
        }
        for (int i = end - 2; i >= 0; i--) {
            char c = path.charAt(i);
            if (c == '/') {
                return true;
            }
            if (c == '.') {
                return false;
            }
        }
        return true;
    }

    private boolean exactSegment(String path, int end) {
        // "/" + mask must end the path; the mask holds no '/', so a hit is exactly the last segment.
        int start = end - folded.length();
        return start >= 1 && path.charAt(start - 1) == '/' && CaseFold.regionEquals(folded, path, start);
    }

    private boolean extension(String path, int end) {
        // folded is "*.ext"; ".ext" must end the path. It holds no '/', so a hit stays inside the last segment.
        int tail = folded.length() - 1;
        int start = end - tail;
        if (start < 1) {
            return false;
        }
        for (int i = 0; i < tail; i++) {
            if (folded.charAt(i + 1) != CaseFold.fold(path.charAt(start + i))) {
                return false;
            }
        }
        return true;
    }

    private boolean literalSuffix(String path, int end) {
        int start = end - folded.length();
        if (start < 0 || anchored && start != 0 || !anchored && (start == 0 || path.charAt(start - 1) != '/')) {
            return false;
        }
        return CaseFold.regionEquals(folded, path, start);
    }

    private boolean globSuffix(String path, int end, int lastSlash) {
        if (anchored) {
            return Glob.matches(folded, path, 0, end);
        }
        // The suffix holds exactly as many '/' as the mask: it starts after the (slashes+1)-th '/' from the end,
        // or at 0 when the path has exactly that many (the mask's first segment must then match empty text).
        int count = 1;
        for (int i = lastSlash - 1; i >= 0; i--) {
            if (path.charAt(i) == '/' && ++count > slashes) {
                return Glob.matches(folded, path, i + 1, end);
            }
        }
        return count == slashes && Glob.matches(folded, path, 0, end);
    }

    /** One of the {@code INDEX_*} constants: what every matching path's last segment must satisfy. */
    int indexType() {
        return indexType;
    }

    /** The folded exact segment or extension for {@link #INDEX_EXACT} / {@link #INDEX_EXTENSION}, else null. */
    String indexKey() {
        return indexKey;
    }

    /**
     * The folded literal segment the path's second-to-last segment must equal ({@code api} for {@code /api/*}), or
     * null when that segment of the mask is absent, empty or a glob.
     */
    String parentKey() {
        return parentKey;
    }

    @Override
    public String toString() {
        return mask;
    }
}
