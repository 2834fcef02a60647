package io.stageline.modules.failedrequesttracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceRuleTest {

    private static TraceRule rule(String path, String codes, String taken) {
        Map<String, Object> m = new HashMap<>();
        if (!path.isEmpty()) {
            m.put("path", path);
        }
        if (!codes.isEmpty()) {
            m.put("statusCodes", codes);
        }
        if (!taken.isEmpty()) {
            m.put("timeTaken", taken);
        }
        return TraceRule.parse(m, 0);
    }

    @ParameterizedTest(name = "rule path={0} codes={1} timeTaken={2}: {3} {4}.{5} after {6} ms -> {7}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // path  | statusCodes     | timeTaken | request path    | status | sub | ms   | fails
        "*       | 400-599         |           | /a.html         | 404    | 0   | 1    | true",
        "*       | 400-599         |           | /a.html         | 200    | 0   | 1    | false",
        "*       | 400-599         |           | /a.html         | 599    | 99  | 1    | true",
        "*       | 400-599         |           | /a.html         | 600    | 0   | 1    | false",
        "*       | 404.3           |           | /a.xyz          | 404    | 3   | 1    | true",
        "*       | 404.3           |           | /a.xyz          | 404    | 0   | 1    | false",
        "*       | 500             |           | /x              | 500    | 21  | 1    | true",
        "*       | 500             |           | /x              | 501    | 0   | 1    | false",
        "*       | '404.2, 500'    |           | /x              | 404    | 2   | 1    | true",
        "*       | '404.2, 500'    |           | /x              | 404    | 4   | 1    | false",
        "*       | '401,403-404'   |           | /x              | 403    | 14  | 1    | true",
        "*       |                 | 1s        | /slow           | 200    | 0   | 1500 | true",
        "*       |                 | 1s        | /slow           | 200    | 0   | 900  | false",
        "*       | 500             | 2s        | /slow           | 200    | 0   | 2500 | true",
        "*       | 500             | 0         | /slow           | 500    | 0   | 2500 | true",
    })
    void aRuleFiresOnItsStatusCodesOrItsTimeTaken(String path, String codes, String taken, String requestPath,
                                                  int status, int sub, long ms, boolean fails) {
        TraceRule r = rule(path.trim(), codes == null ? "" : codes.trim(), taken == null ? "" : taken.trim());
        assertTrue(r.appliesTo(requestPath));
        assertEquals(fails, r.failure(status, sub, ms * 1_000_000L) != null);
    }

    @ParameterizedTest(name = "path {0} applies to {1}: {2}")
    @CsvSource({
        "*, /a/b/c.jsp, true",
        "*.jsp, /a/b/c.jsp, true",
        "*.jsp, /a/b/c.html, false",
        "*.JSP, /a/c.jsp, true",
        "/admin/*, /admin/x.html, true",
        "/admin/*, /public/admin/x.html, false",
        "/admin/*, /admin/sub/x.html, false",
        "report.do, /reports/report.do, true",
    })
    void aRulePathIsAMaskRelativeToTheApplication(String path, String requestPath, boolean applies) {
        assertEquals(applies, rule(path, "500", "").appliesTo(requestPath));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "statusCodes: 99             | '99' is not an HTTP status code",
        "statusCodes: 404.x          | 'x' is not a substatus",
        "statusCodes: 500-400        | the range 500-400 runs backwards",
        "statusCodes: '404,,500'     | an empty entry",
        "timeTaken: soon             | timeTaken 'soon' is not a duration",
        "neither                     | has no failure definition",
        "verbosity: Warning          | unknown key 'verbosity'",
    })
    void badRulesSayWhatIsWrong(String setting, String message) {
        Map<String, Object> m = new HashMap<>();
        int colon = setting.indexOf(':');
        if (colon > 0) {
            m.put(setting.substring(0, colon).trim(), setting.substring(colon + 1).trim().replace("'", ""));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TraceRule.parse(m, 2));
        assertTrue(e.getMessage().startsWith("rule 3") && e.getMessage().contains(message.trim()), e.getMessage());
    }
}
