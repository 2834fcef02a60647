package io.stageline.config;

/**
 * The stable codes of configuration problems. A code never changes meaning once released; new problems get new codes.
 *
 * <table>
 *   <caption>Configuration problem codes</caption>
 *   <tr><th>code</th><th>severity</th><th>meaning</th></tr>
 *   <tr><td>SL-CFG-001</td><td>ERROR</td><td>the file is not well-formed YAML (or holds more than one document)</td></tr>
 *   <tr><td>SL-CFG-002</td><td>ERROR</td><td>a YAML tag other than the plain types (e.g. {@code !!javax.script...}),
 *       a merge key or a recursive alias: nothing but maps, lists and scalars is ever loaded</td></tr>
 *   <tr><td>SL-CFG-003</td><td>ERROR</td><td>a key appears twice in the same map</td></tr>
 *   <tr><td>SL-CFG-004</td><td>ERROR</td><td>unknown key; the hint lists the keys allowed there. Sections that are not
 *       implemented yet are unknown too, so nothing is silently ignored</td></tr>
 *   <tr><td>SL-CFG-005</td><td>ERROR</td><td>wrong shape or type: a map, list, string, boolean or number was
 *       expected</td></tr>
 *   <tr><td>SL-CFG-006</td><td>ERROR</td><td>a required key is missing</td></tr>
 *   <tr><td>SL-CFG-007</td><td>ERROR</td><td>a value outside its allowed set (pipelineMode, resourceType,
 *       requireAccess, a list operation, a MIME map entry)</td></tr>
 *   <tr><td>SL-CFG-008</td><td>ERROR</td><td>unknown precondition token, or {@code managedHandler} on a handler</td></tr>
 *   <tr><td>SL-CFG-009</td><td>ERROR</td><td>invalid handler path mask</td></tr>
 *   <tr><td>SL-CFG-010</td><td>ERROR</td><td>invalid verb list</td></tr>
 *   <tr><td>SL-CFG-011</td><td>ERROR</td><td>invalid access policy</td></tr>
 *   <tr><td>SL-CFG-012</td><td>ERROR</td><td>invalid size (e.g. {@code responseBufferLimit}); sizes are bytes or
 *       {@code 512KB}/{@code 4MiB}/{@code 1GB}</td></tr>
 *   <tr><td>SL-CFG-013</td><td>ERROR</td><td>{@code add} of a name that is already in the merged collection (remove it
 *       first)</td></tr>
 *   <tr><td>SL-CFG-014</td><td>ERROR</td><td>a handler mapping does not name exactly one of type, servlet or modules
 *       ({@code servlet} may be combined with {@code modules})</td></tr>
 *   <tr><td>SL-CFG-015</td><td>ERROR</td><td>a {@code type:} class cannot be loaded</td></tr>
 *   <tr><td>SL-CFG-016</td><td>ERROR</td><td>a {@code type:} class does not implement PipelineModule / RequestHandler or
 *       has no public no-argument constructor</td></tr>
 *   <tr><td>SL-CFG-017</td><td>ERROR</td><td>a native module (no {@code type:}) that is not a built-in module</td></tr>
 *   <tr><td>SL-CFG-018</td><td>ERROR</td><td>a {@code ${env:NAME}} or {@code ${file:path}} substitution cannot be
 *       resolved</td></tr>
 *   <tr><td>SL-CFG-019</td><td>WARNING</td><td>a handler mapping can never be selected: an earlier mapping with path
 *       {@code *} and verb {@code *} (and no {@code servlet: "*"} restriction) matches every request</td></tr>
 *   <tr><td>SL-CFG-020</td><td>ERROR</td><td>the engine rejected the compiled configuration (module initialisation,
 *       handler instantiation, ...); positioned at the entry when the message names one, and a built-in module's
 *       failure at the nearest section that configures it</td></tr>
 *   <tr><td>SL-CFG-021</td><td>WARNING</td><td>an engine warning (e.g. managed modules ignored in classic mode)</td></tr>
 *   <tr><td>SL-CFG-022</td><td>ERROR</td><td>a configuration file cannot be read</td></tr>
 *   <tr><td>SL-CFG-023</td><td>WARNING</td><td>a precondition token written in a non-canonical spelling (it is
 *       accepted)</td></tr>
 *   <tr><td>SL-CFG-024</td><td>ERROR</td><td>a section that applies to the whole application ({@code modules},
 *       {@code pipelineMode}, {@code validation}, {@code legacy}, {@code handlers.accessPolicy}, ...) written in a
 *       {@code locations:} entry, or a module section that is application-wide ({@code authentication.forms},
 *       {@code credentials}, {@code httpProtocol}, {@code logFile}, {@code traceFailedRequestsLogging},
 *       {@code traceFailedRequests}); a location may set handlers, staticContent, defaultDocument, directoryBrowse,
 *       authentication.anonymous/.basic, authorization, managedAuthorization, httpErrors, httpRedirect and
 *       httpLogging</td></tr>
 *   <tr><td>SL-CFG-025</td><td>ERROR</td><td>a location path that is not a canonical application path below the root
 *       ({@code ..}, {@code //}, {@code \}, {@code ;}, a wildcard, a relative path, {@code /} itself)</td></tr>
 *   <tr><td>SL-CFG-026</td><td>ERROR</td><td>the same location path twice in one file (case-insensitive, trailing
 *       {@code /} ignored; in the server file per {@code application:})</td></tr>
 *   <tr><td>SL-CFG-027</td><td>ERROR</td><td>a lock violation: an application or location removes an entry the server
 *       level locked ({@code lockItem: true}), clears a collection holding one, or sets a section the server level
 *       locked ({@code overrideMode: Deny}); positioned in the application's file, the message names the server
 *       file and line ("locked at FILE:LINE")</td></tr>
 *   <tr><td>SL-CFG-028</td><td>ERROR</td><td>a server-level-only key elsewhere: {@code globalModules},
 *       {@code applicationPools}, {@code applications} in an application file; {@code lockItem}, {@code overrideMode}
 *       in an application file or in a location; {@code application:} on an application file's location</td></tr>
 *   <tr><td>SL-CFG-029</td><td>ERROR</td><td>a native module in the effective module list that the server level does
 *       not install ({@code globalModules}); the message names the file that sets globalModules</td></tr>
 *   <tr><td>SL-CFG-030</td><td>ERROR</td><td>an application assigned to a pool that {@code applicationPools} does not
 *       declare, a pool declared twice, or an application assigned twice</td></tr>
 *   <tr><td>SL-CFG-031</td><td>WARNING</td><td>the application file sets a {@code pipelineMode} other than its
 *       application pool's; the pool's mode applies</td></tr>
 *   <tr><td>SL-CFG-032</td><td>ERROR</td><td>invalid duration (e.g. {@code authentication.forms.timeout},
 *       {@code traceFailedRequests} {@code timeTaken}); durations are {@code 250ms}, {@code 30s}, {@code 20m},
 *       {@code 2h}, {@code 1d} (no unit = seconds)</td></tr>
 *   <tr><td>SL-CFG-033</td><td>ERROR</td><td>a {@code credentials} password that is not a password hash
 *       ({@code {pbkdf2-sha256}...}, written by {@code stageline hash-password}); the message never echoes the
 *       value</td></tr>
 * </table>
 */
public enum ProblemCode {
    SYNTAX("SL-CFG-001", ConfigProblem.Severity.ERROR),
    UNSAFE_YAML("SL-CFG-002", ConfigProblem.Severity.ERROR),
    DUPLICATE_KEY("SL-CFG-003", ConfigProblem.Severity.ERROR),
    UNKNOWN_KEY("SL-CFG-004", ConfigProblem.Severity.ERROR),
    WRONG_TYPE("SL-CFG-005", ConfigProblem.Severity.ERROR),
    MISSING_KEY("SL-CFG-006", ConfigProblem.Severity.ERROR),
    BAD_VALUE("SL-CFG-007", ConfigProblem.Severity.ERROR),
    BAD_PRECONDITION("SL-CFG-008", ConfigProblem.Severity.ERROR),
    BAD_PATH_MASK("SL-CFG-009", ConfigProblem.Severity.ERROR),
    BAD_VERB("SL-CFG-010", ConfigProblem.Severity.ERROR),
    BAD_ACCESS_POLICY("SL-CFG-011", ConfigProblem.Severity.ERROR),
    BAD_SIZE("SL-CFG-012", ConfigProblem.Severity.ERROR),
    DUPLICATE_ADD("SL-CFG-013", ConfigProblem.Severity.ERROR),
    HANDLER_KIND("SL-CFG-014", ConfigProblem.Severity.ERROR),
    CLASS_NOT_FOUND("SL-CFG-015", ConfigProblem.Severity.ERROR),
    CLASS_NOT_USABLE("SL-CFG-016", ConfigProblem.Severity.ERROR),
    UNKNOWN_NATIVE_MODULE("SL-CFG-017", ConfigProblem.Severity.ERROR),
    UNRESOLVED_SUBSTITUTION("SL-CFG-018", ConfigProblem.Severity.ERROR),
    SHADOWED_HANDLER("SL-CFG-019", ConfigProblem.Severity.WARNING),
    ENGINE("SL-CFG-020", ConfigProblem.Severity.ERROR),
    ENGINE_WARNING("SL-CFG-021", ConfigProblem.Severity.WARNING),
    UNREADABLE_FILE("SL-CFG-022", ConfigProblem.Severity.ERROR),
    NON_CANONICAL_PRECONDITION("SL-CFG-023", ConfigProblem.Severity.WARNING),
    NOT_IN_LOCATION("SL-CFG-024", ConfigProblem.Severity.ERROR),
    BAD_LOCATION_PATH("SL-CFG-025", ConfigProblem.Severity.ERROR),
    DUPLICATE_LOCATION("SL-CFG-026", ConfigProblem.Severity.ERROR),
    LOCKED("SL-CFG-027", ConfigProblem.Severity.ERROR),
    SERVER_LEVEL_ONLY("SL-CFG-028", ConfigProblem.Severity.ERROR),
    NOT_INSTALLED("SL-CFG-029", ConfigProblem.Severity.ERROR),
    BAD_POOL("SL-CFG-030", ConfigProblem.Severity.ERROR),
    POOL_MODE_WINS("SL-CFG-031", ConfigProblem.Severity.WARNING),
    BAD_DURATION("SL-CFG-032", ConfigProblem.Severity.ERROR),
    BAD_PASSWORD("SL-CFG-033", ConfigProblem.Severity.ERROR);

    private final String id;
    private final ConfigProblem.Severity severity;

    ProblemCode(String id, ConfigProblem.Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    /** The stable code, e.g. {@code SL-CFG-004}. */
    public String id() {
        return id;
    }

    public ConfigProblem.Severity severity() {
        return severity;
    }
}
