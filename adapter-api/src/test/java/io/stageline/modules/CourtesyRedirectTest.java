package io.stageline.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CourtesyRedirectTest {

    @ParameterizedTest(name = "{0} + {1} ? {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "null", textBlock = """
            ""      | /docs            | null       | /docs/
            ""      | /docs            | ""         | /docs/
            /app    | /docs            | q=1        | /app/docs/?q=1
            ""      | /a b/c           | x=%20&y    | /a%20b/c/?x=%20&y
            ""      | /\u00fcber       | null       | /%C3%BCber/
            ""      | /x#y             | null       | /x%23y/
            ""      | /50%             | null       | /50%25/
            ""      | /a:b@c!$&'()*+,= | null       | /a:b@c!$&'()*+,=/
            ""      | /a<c>d`e{f}^     | null       | /a%3Cc%3Ed%60e%7Bf%7D%5E/
            ""      | /\ud83d\ude00    | null       | /%F0%9F%98%80/
            """)
    void theLocationIsTheEncodedPathWithASlashAndTheQuery(String contextPath, String path, String query, String location) {
        assertEquals(location, CourtesyRedirect.location(contextPath, path, query));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /WEB-INF/web.xml       | true
            /web-inf               | true
            /a/Meta-Inf/x          | true
            /WEB-INF.txt           | false
            /x/WEB-INFO/           | false
            /                      | false
            """)
    void protectedFoldersAreFoundInAnySegmentAndCase(String path, boolean expected) {
        assertEquals(expected, ProtectedPaths.containsProtectedSegment(path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            WEB-INF/
            meta-inf
            """)
    void protectedEntryNamesAreRecognisedWithOrWithoutSlash(String name) {
        assertTrue(ProtectedPaths.isProtectedName(name));
        assertFalse(ProtectedPaths.isProtectedName("x" + name));
    }
}
