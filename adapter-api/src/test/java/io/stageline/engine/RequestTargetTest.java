package io.stageline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fail-closed agreement between the raw request URI and the container's servlet path + path info. */
class RequestTargetTest {

    @ParameterizedTest(name = "{0} with container path {2} is accepted as {3}")
    @CsvSource(delimiter = '|', value = {
        "/admin/secret.html                  | ''   | /admin/secret.html | /admin/secret.html",
        "/admin/secret.html;jsessionid=A1b.2 | ''   | /admin/secret.html | /admin/secret.html",
        "/%61dmin/s%C3%A9cret.html           | ''   | /admin/sécret.html | /admin/sécret.html",
        "/admin/x%2edo                       | ''   | /admin/x.do        | /admin/x.do",
        "/my%20file.html                     | ''   | /my file.html      | /my file.html",
        "/a+b/c.html                         | ''   | /a+b/c.html        | /a+b/c.html",
        "/admin/secret.html%3f               | ''   | /admin/secret.html?| /admin/secret.html?",
        "/docs/                              | ''   | /docs/index.html   | /docs/",
        "/                                   | ''   | /                  | /",
        "/app/admin/x                        | /app | /admin/x           | /admin/x",
        "/%61pp/admin/x                      | /app | /admin/x           | /admin/x",
        "/app                                | /app | /                  | /",
        "/app/                               | /app | /                  | /",
    })
    void aRawUriThatDecodesToTheContainersPathIsAccepted(String raw, String contextPath, String containerPath,
                                                         String canonical) {
        assertNull(RequestTarget.problem(raw, contextPath, containerPath));
        assertEquals(canonical, RequestTarget.canonicalPath(raw, containerPath));
    }

    @ParameterizedTest(name = "{0} (container path {2}) is {3}")
    @CsvSource(delimiter = '|', value = {
        "admin/secret.html                 | ''   | /admin/secret.html   | NOT_ABSOLUTE",
        "/admin;x=y/secret.html            | ''   | /admin/secret.html   | PATH_PARAMETER",
        "/admin/secret.html;x=y            | ''   | /admin/secret.html   | PATH_PARAMETER",
        "/admin;jsessionid=A/secret.html   | ''   | /admin/secret.html   | PATH_PARAMETER",
        "/admin/secret.html;jsessionid=    | ''   | /admin/secret.html   | PATH_PARAMETER",
        "/admin/secret.html;JSESSIONID=a   | ''   | /admin/secret.html   | PATH_PARAMETER",
        "/admin/secret.html;jsessionid=a;b | ''   | /admin/secret.html   | PATH_PARAMETER",
        "/x/..;/admin/secret.html          | ''   | /admin/secret.html   | PATH_PARAMETER",
        "/app;x=y/admin                    | /app | /admin               | PATH_PARAMETER",
        "/admin\\secret.html               | ''   | /admin\\secret.html  | RAW_CHARACTER",
        "/admin/secret%zz.html             | ''   | /admin/secret.html   | BAD_ESCAPE",
        "/admin/secret%.html               | ''   | /admin/secret.html   | BAD_ESCAPE",
        "/admin/secret.html%2              | ''   | /admin/secret.html   | BAD_ESCAPE",
        "/x/%c0%ae%c0%ae/admin/secret.html | ''   | /admin/secret.html   | BAD_UTF8",
        "/admin/%c0%afsecret.html          | ''   | /admin/secret.html   | BAD_UTF8",
        "/admin/%e0%80%ae                  | ''   | /admin/.             | BAD_UTF8",
        "/admin/s%E9cret.html              | ''   | /admin/secret.html   | BAD_UTF8",
        "/admin/%ed%a0%80                  | ''   | /admin/x             | BAD_UTF8",
        "/admin%2fsecret.html              | ''   | /admin/secret.html   | ENCODED_SEPARATOR",
        "/admin%2Fsecret.html              | ''   | /admin/secret.html   | ENCODED_SEPARATOR",
        "/admin%5csecret.html              | ''   | /admin/secret.html   | ENCODED_SEPARATOR",
        "/admin%3bx/secret.html            | ''   | /admin;x/secret.html | SEMICOLON",
        "/admin/secret%00.html             | ''   | /admin/secret.html   | CONTROL_CHARACTER",
        "/admin%09/secret.html             | ''   | /admin/secret.html   | CONTROL_CHARACTER",
        "//admin/secret.html               | ''   | /admin/secret.html   | EMPTY_SEGMENT",
        "/admin//secret.html               | ''   | /admin/secret.html   | EMPTY_SEGMENT",
        "/x/../admin/secret.html           | ''   | /admin/secret.html   | DOT_SEGMENT",
        "/./admin/secret.html              | ''   | /admin/secret.html   | DOT_SEGMENT",
        "/x/%2e%2e/admin/secret.html       | ''   | /admin/secret.html   | DOT_SEGMENT",
        "/x/.%2E/admin/secret.html         | ''   | /admin/secret.html   | DOT_SEGMENT",
        "/admin/report/..                  | ''   | /admin/              | DOT_SEGMENT",
        "/admin./secret.html               | ''   | /admin./secret.html  | TRAILING_DOT_OR_SPACE",
        "/admin%20/secret.html             | ''   | /admin /secret.html  | TRAILING_DOT_OR_SPACE",
        "/admin%2e/x.do                    | ''   | /admin./x.do         | TRAILING_DOT_OR_SPACE",
        "/admin/secret.html.               | ''   | /admin/secret.html.  | TRAILING_DOT_OR_SPACE",
        "/other/admin/x                    | /app | /admin/x             | OUTSIDE_CONTEXT",
        "/application/x                    | /app | /x                   | OUTSIDE_CONTEXT",
        "/admin/secret.html                | ''   | /public.html         | CONTAINER_MISMATCH",
        "/x/%252e%252e/admin/secret.html   | ''   | /admin/secret.html   | CONTAINER_MISMATCH",
        "/docs/                            | ''   | /docs/sub/index.html | CONTAINER_MISMATCH",
        "/ADMIN/secret.html                | ''   | /admin/secret.html   | CONTAINER_MISMATCH",
    })
    void aRawUriThatCannotBeNormalisedSafelyIsAProblem(String raw, String contextPath, String containerPath,
                                                       PathProblem expected) {
        assertEquals(expected, RequestTarget.problem(raw, contextPath, containerPath));
        assertEquals(400, expected.status());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(nullValues = "null", value = {
        "/a/b.html, null", "/a/, null", "/, null", "/a b/c, null", "/a/.well-known/x, null", "/a/..b/x, null",
        "'', NOT_ABSOLUTE", "a/b, NOT_ABSOLUTE", "/a//b, EMPTY_SEGMENT", "/a/./b, DOT_SEGMENT", "/a/.., DOT_SEGMENT",
        "/a/b., TRAILING_DOT_OR_SPACE", "'/a /b', TRAILING_DOT_OR_SPACE", "/a/.../b, TRAILING_DOT_OR_SPACE",
        "/a;b, SEMICOLON", "/a\\b, BACKSLASH",
    })
    void canonicalPathsHaveNoAmbiguousSegments(String path, PathProblem expected) {
        assertEquals(expected, PathCanonicalizer.problem(path));
        assertEquals(expected == null ? path : null, PathCanonicalizer.canonicalize(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\u0000b", "/a\u007fb", "/a\nb", "/a\tb/c"})
    void controlCharactersAreNeverCanonical(String path) {
        assertEquals(PathProblem.CONTROL_CHARACTER, PathCanonicalizer.problem(path));
    }

    @Test
    void aUriWithoutEscapesOrParametersIsCheckedWithoutAllocating() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "the JVM cannot count allocated bytes per thread");
        threads.setThreadAllocatedMemoryEnabled(true);
        int problems = 0;
        for (int round = 0; round < 2; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 50_000; i++) {
                problems += RequestTarget.problem("/app/docs/reports/2024/q1.html", "/app", "/docs/reports/2024/q1.html")
                        == null ? 0 : 1;
            }
            long perRequest = (threads.getCurrentThreadAllocatedBytes() - before) / 50_000;
            if (round == 1) {
                assertEquals(0, problems);
                assertTrue(perRequest < 8, perRequest + " bytes per request");
            }
        }
    }
}
