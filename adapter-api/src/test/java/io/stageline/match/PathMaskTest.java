package io.stageline.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathMaskTest {

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *                   | /                       | true
            *                   | /a/b/                   | true
            *                   | /a/b.jsp                | true
            *.                  | /a/readme               | true
            *.                  | /a/readme.              | true
            *.                  | /a.b/readme             | true
            *.                  | /a/readme.txt           | false
            *.                  | /a/.hidden              | false
            *.                  | /a/                     | false
            *.                  | /                       | false
            *.jsp               | /x.jsp                  | true
            *.jsp               | /a/b/X.JSP              | true
            *.JSP               | /a/x.jsp                | true
            *.jsp               | /a/.jsp                 | true
            *.jsp               | /a/x.jspx               | false
            *.jsp               | /a/xjsp                 | false
            *.jsp               | /a.jsp/x                | false
            *.jsp               | /a/x.jsp/               | false
            trace.axd           | /trace.axd              | true
            trace.axd           | /deep/dir/TRACE.AXD     | true
            trace.axd           | /xtrace.axd             | false
            trace.axd           | /trace.axd/x            | false
            trace.axd           | /trace.axd/             | false
            *ScriptResource.axd | /a/MyScriptResource.axd | true
            *ScriptResource.axd | /a/scriptresource.AXD   | true
            *ScriptResource.axd | /a/Script/Resource.axd  | false
            ?.jsp               | /a/b.jsp                | true
            ?.jsp               | /a/bb.jsp               | false
            ?.jsp               | /a/.jsp                 | false
            a*b                 | /x/aXYb                 | true
            a*b                 | /x/ab                   | true
            a*b                 | /a/b                    | false
            a*b*c               | /abxbyc                 | true
            a*b*c               | /abxbyd                 | false
            page.*              | /page.aspx              | true
            page.*              | /page                   | false
            *.tar.gz            | /f.TAR.gz               | true
            *.tar.gz            | /f.gz                   | false
            *?                  | /a/                     | false
            **                  | /a/                     | true
            """)
    void maskWithoutSlashTestsOnlyTheLastSegment(String mask, String path, boolean expected) {
        assertEquals(expected, PathMask.compile(mask).matches(path));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Device/*        | /a/sub/Device/page.aspx | true
            Device/*        | /Device/page.aspx       | true
            Device/*        | /Device/                | true
            Device/*        | /xDevice/page.aspx      | false
            Device/*        | /Device/a/page.aspx     | false
            api/*           | /api/x                  | true
            api/*           | /API/X                  | true
            api/*           | /api/x/y                | false
            api/*           | /api                    | false
            /api/*          | /api/x                  | true
            /api/*          | /v1/api/x               | false
            /hello          | /hello                  | true
            /hello          | /HELLO                  | true
            /hello          | /a/hello                | false
            /hello          | /hello/                 | false
            /hello          | /hello2                 | false
            /Users/*        | /users/bob              | true
            sub/page.aspx   | /a/sub/page.aspx        | true
            sub/page.aspx   | /a/xsub/page.aspx       | false
            /*/*.aspx       | /a/b.aspx               | true
            /*/*.aspx       | /a/b/c.aspx             | false
            */x.jsp         | /a/x.jsp                | true
            */x.jsp         | /x.jsp                  | true
            ?/x.jsp         | /x.jsp                  | false
            ?/x.jsp         | /q/x.jsp                | true
            api/            | /v/api/                 | true
            api/            | /v/api                  | false
            /               | /                       | true
            /               | /a                      | false
            /a?c/d          | /a/c/d                  | false
            /a*/d           | /ab/c/d                 | false
            a/*b/c          | /a/xxbb/c               | true
            a/*b/c          | /a/x/b/c                | false
            """)
    void maskWithSlashMatchesASegmentAlignedSuffix(String mask, String path, boolean expected) {
        assertEquals(expected, PathMask.compile(mask).matches(path));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *.äsp      | /x.ÄSP      | true
            straße     | /STRASSE    | false
            Ärger.txt  | /a/äRGER.TXT | true
            """)
    void nonAsciiLettersCompareCaseInsensitively(String mask, String path, boolean expected) {
        assertEquals(expected, PathMask.compile(mask).matches(path));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *.dll     | /vdir/test.dll/myinfo | 14
            *.dll     | /a/b.dll/c.dll/d      | 8
            *.dll     | /a/b.dll              | 8
            *.dll     | /a/b.dll/             | 8
            *.dll     | /a.dll                | 6
            *.dll     | /a/b.txt              | -1
            *.dll     | /a/b.txt/c            | -1
            Device/*  | /a/Device/x/y         | 11
            /api      | /api/x/y              | 4
            /api      | /v/api/x              | -1
            *.        | /a/b.jsp              | 2
            *         | /a/b                  | 2
            *         | /                     | 1
            """)
    void allowPathInfoUsesTheLeftmostMatchingSegment(String mask, String path, int expected) {
        assertEquals(expected, PathMask.compile(mask).matchPathInfo(path));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            *           | ANY            | null
            *.          | EXTENSIONLESS  | null
            *.JSP       | EXTENSION      | JSP
            *.tar.gz    | SEGMENT_GLOB   | null
            *.j?p       | SEGMENT_GLOB   | null
            Trace.axd   | EXACT_SEGMENT  | Trace.axd
            *Resource.x | SEGMENT_GLOB   | null
            **          | SEGMENT_GLOB   | null
            /hello      | SUFFIX_LITERAL | null
            api/        | SUFFIX_LITERAL | null
            api/*       | SUFFIX_GLOB    | null
            """)
    void compileClassifiesTheMaskAndKeepsItsLiteralKey(String mask, PathMask.Kind kind, String key) {
        PathMask compiled = PathMask.compile(mask);
        assertEquals(kind, compiled.kind());
        assertEquals(key, compiled.key());
        assertEquals(mask, compiled.mask());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            *                | 0 | null
            *.               | 3 | null
            *.JSP            | 2 | jsp
            *.tar.gz         | 2 | gz
            *Resource.AXD    | 2 | axd
            *.j?p            | 0 | null
            x*.              | 0 | null
            Trace.axd        | 1 | trace.axd
            /Hello           | 1 | hello
            api/             | 1 | ''
            /Users/*.aspx    | 2 | aspx
            api/*            | 0 | null
            """)
    void indexHintConstrainsTheLastSegmentWhereTheMaskAllows(String mask, int type, String key) {
        PathMask compiled = PathMask.compile(mask);
        assertEquals(type, compiled.indexType());
        assertEquals(key, compiled.indexKey());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            api/*       | api
            /API/*      | api
            a/b/*       | b
            A/*.jsp     | a
            /*          | null
            *           | null
            */x*        | null
            a*/x?       | null
            /a/?/x*     | null
            """)
    void parentKeyIsTheLiteralSecondToLastSegment(String mask, String parent) {
        assertEquals(parent, PathMask.compile(mask).parentKey());
    }

    static Stream<Arguments> badMasks() {
        return Stream.of(
                Arguments.of("", "it is empty"),
                Arguments.of("a\\b", "contains '\\' at index 1"),
                Arguments.of("a//b", "empty segment ('//')"),
                Arguments.of("//", "empty segment ('//')"),
                Arguments.of("a b", "whitespace at index 1"),
                Arguments.of("*.jsp\t", "control character at index 5"),
                Arguments.of("a\u00A0b", "whitespace at index 1"),
                Arguments.of("a\u0001b", "control character at index 1"),
                Arguments.of("*.jsp,*.aspx", "alternative masks are not supported"),
                Arguments.of("/a/../b", "'.' or '..' segment"),
                Arguments.of("./x", "'.' or '..' segment"),
                Arguments.of("..", "'.' or '..' segment"));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("badMasks")
    void invalidMasksAreRejectedWithTheReason(String mask, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathMask.compile(mask));
        assertTrue(e.getMessage().startsWith("invalid path mask '"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void controlCharactersAreEscapedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathMask.compile("a\u0001b"));
        assertTrue(e.getMessage().contains("'a\\u0001b'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.dll", "...", "a.", ".b", "..x", "*..", "/a/.x/b"})
    void masksWithDotsThatAreNotWholeDotSegmentsAreAccepted(String mask) {
        assertEquals(mask, PathMask.compile(mask).mask());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "*"})
    void aPathWithoutLeadingSlashIsRejected(String path) {
        PathMask mask = PathMask.compile("*");
        assertThrows(IllegalArgumentException.class, () -> mask.matches(path));
        assertThrows(IllegalArgumentException.class, () -> mask.matchPathInfo(path));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void matchesAgreesWithTheWrittenDefinitionOnRandomMasksAndPaths(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 4000; round++) {
            String mask = RandomInputs.mask(random);
            String path = RandomInputs.path(random);
            PathMask compiled = PathMask.compile(mask);
            String what = "mask " + mask + " path " + path + " seed " + seed;
            assertEquals(Reference.matches(mask, path, path.length()), compiled.matches(path), what);
            assertEquals(Reference.pathInfo(mask, path), compiled.matchPathInfo(path), what);
        }
    }

    /** The rules of PathMask's class comment, written the slow and obvious way. */
    static final class Reference {
        private Reference() {
        }

        static boolean matches(String mask, String full, int end) {
            String path = full.substring(0, end);
            if (mask.indexOf('/') < 0) {
                String last = path.substring(path.lastIndexOf('/') + 1);
                if (mask.equals("*.")) {
                    return !last.isEmpty() && (last.indexOf('.') < 0 || last.endsWith("."));
                }
                return glob(mask, last);
            }
            if (mask.startsWith("/")) {
                return glob(mask, path);
            }
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '/') {
                    starts.add(i + 1);
                }
            }
            for (int start : starts) {
                if (glob(mask, path.substring(start))) {
                    return true;
                }
            }
            return false;
        }

        static int pathInfo(String mask, String path) {
            for (int i = 1; i < path.length(); i++) {
                if (path.charAt(i) == '/' && matches(mask, path, i)) {
                    return i;
                }
            }
            return matches(mask, path, path.length()) ? path.length() : -1;
        }

        static boolean glob(String mask, String text) {
            if (mask.isEmpty()) {
                return text.isEmpty();
            }
            char m = mask.charAt(0);
            if (m == '*') {
                for (int i = 0; i <= text.length(); i++) {
                    if (glob(mask.substring(1), text.substring(i))) {
                        return true;
                    }
                    if (i < text.length() && text.charAt(i) == '/') {
                        return false;
                    }
                }
                return false;
            }
            if (text.isEmpty()) {
                return false;
            }
            char c = text.charAt(0);
            boolean same = m == '?' ? c != '/'
                    : String.valueOf(m).toLowerCase(Locale.ROOT).equals(String.valueOf(c).toLowerCase(Locale.ROOT));
            return same && glob(mask.substring(1), text.substring(1));
        }
    }

    @Test
    void referenceGlobIsNotVacuous() {
        assertTrue(Reference.glob("a*c", "ABBC"));
        assertEquals(false, Reference.glob("a*c", "ab/c"));
        assertNull(PathMask.compile("*").key());
    }
}
