package io.stageline.modules.httplogging;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.modules.SettingsCheck;
import io.stageline.modules.StagelineVersion;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * HttpLogging, the port of IIS's HttpLoggingModule (site {@code logFile} plus {@code <httpLogging>}, reference §7.1):
 * one W3C extended log line per request, written in LOG_REQUEST, so it sees the final status and substatus. Child
 * requests (default documents, ExecuteURL error pages) are not logged: their parent is.
 *
 * <p>Settings: one map, the site {@code logFile} keys and the {@code httpLogging} keys together:
 * <ul>
 *   <li>{@code enabled} (default {@code true}): the site {@code logFile enabled}; false writes nothing.</li>
 *   <li>{@code directory} (default {@code logs}): where the files go; relative to the JVM's working directory.</li>
 *   <li>{@code logExtFileFlags}: IIS flag names ({@code Date, Time, ClientIP, UserName, SiteName, ComputerName,
 *       ServerIP, Method, UriStem, UriQuery, HttpStatus, Win32Status, BytesSent, BytesRecv, TimeTaken, ServerPort,
 *       UserAgent, Cookie, Referer, ProtocolVersion, Host, HttpSubStatus}), a list or one comma-separated string;
 *       or {@code fields}: the same as {@code #Fields:} tokens ({@code date time s-ip cs-method ...}). Not both.
 *       Default: IIS's site default, whose header is {@code #Fields: date time s-ip cs-method cs-uri-stem
 *       cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status
 *       time-taken}. Lines always follow the canonical order, whatever order the setting lists.</li>
 *   <li>{@code period} (default {@code Daily}; the only period supported): one file per day, {@code u_exYYMMDD.log}.</li>
 *   <li>{@code localTimeRollover} (default {@code false}): the day of a line is the UTC day, or with this the JVM's
 *       local day. Only file naming changes: times inside are always UTC.</li>
 *   <li>{@code logFormat} (default {@code W3C}; the only format supported).</li>
 *   <li>{@code dontLog} (default {@code false}) and {@code selectiveLogging} ({@code LogAll} (default),
 *       {@code LogSuccessful}: status below 400, {@code LogError}: 400 and above): the {@code httpLogging} keys; these
 *       two may differ per location. The others are read at the application level only.</li>
 * </ul>
 *
 * <p>Writing: request threads format the line and queue it; one thread per directory writes ({@link LogWriters}). A
 * request never waits for the disk: when the queue (16,384 lines) is full, the line is dropped and counted, and the
 * count is written into the log as {@code #Remark:} and logged as a warning. The close callback (application stop,
 * reload) writes every queued line and flushes before it returns.
 */
public final class HttpLoggingModule implements PipelineModule {
    public static final String NAME = "HttpLogging";

    private static final Set<String> KEYS = Set.of("enabled", "directory", "logExtFileFlags", "fields", "period",
            "localTimeRollover", "logFormat", "dontLog", "selectiveLogging");

    /** What {@code selectiveLogging} keeps. */
    enum Selective { LOG_ALL, LOG_SUCCESSFUL, LOG_ERROR }

    private final LogClock clock;
    private final String software;
    private boolean enabled;
    private boolean[] dontLog;
    private Selective[] selective;
    private W3cField[] fields;
    private String fieldsLine;
    private boolean localTimeRollover;
    private String computerName;
    private LogWriter writer;
    private volatile DayFile day;

    /** The current day's file name and the millisecond range it covers. */
    private record DayFile(long from, long to, String name) {
    }

    public HttpLoggingModule() {
        this(LogClock.SYSTEM, "Stageline " + StagelineVersion.get());
    }

    HttpLoggingModule(LogClock clock, String software) {
        this.clock = clock;
        this.software = software;
    }

    @Override
    public void init(ModuleSetup setup) {
        ModuleSettings s = setup.settings();
        int n = setup.locationCount();
        dontLog = new boolean[n];
        selective = new Selective[n];
        for (int i = 0; i < n; i++) {
            ModuleSettings at = setup.settings(i);
            SettingsCheck.onlyKnownKeys(at, setup.name(), KEYS);
            dontLog[i] = at.getBoolean("dontLog", false);
            selective[i] = selective(at.getString("selectiveLogging", "LogAll"));
        }
        enabled = s.getBoolean("enabled", true);
        only(s, "period", "Daily");
        only(s, "logFormat", "W3C");
        localTimeRollover = s.getBoolean("localTimeRollover", false);
        Set<W3cField> set = fields(s);
        fields = set.toArray(new W3cField[0]);
        fieldsLine = W3cField.fieldsLine(set);
        if (set.contains(W3cField.COMPUTER_NAME)) {
            computerName = hostName();
        }
        if (enabled) {
            writer = LogWriters.acquire(Path.of(s.getString("directory", "logs")));
            LogWriter w = writer;
            setup.onClose(() -> LogWriters.release(w));
            setup.subscribe(PipelineStage.LOG_REQUEST);
        }
    }

    private static void only(ModuleSettings s, String key, String supported) {
        String v = s.getString(key, supported).trim();
        if (!v.equalsIgnoreCase(supported)) {
            throw new IllegalArgumentException("setting '" + key + "' is '" + v + "'; Stageline supports only "
                    + supported);
        }
    }

    private static Selective selective(String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "logall":
                return Selective.LOG_ALL;
            case "logsuccessful":
                return Selective.LOG_SUCCESSFUL;
            case "logerror":
                return Selective.LOG_ERROR;
            default:
                throw new IllegalArgumentException("setting 'selectiveLogging' is '" + v
                        + "', expected LogAll, LogSuccessful or LogError");
        }
    }

    private static Set<W3cField> fields(ModuleSettings s) {
        if (s.has("logExtFileFlags") && s.has("fields")) {
            throw new IllegalArgumentException("settings 'logExtFileFlags' and 'fields' say the same thing; give one");
        }
        boolean flags = s.has("logExtFileFlags");
        if (!flags && !s.has("fields")) {
            return EnumSet.copyOf(W3cField.DEFAULTS);
        }
        String key = flags ? "logExtFileFlags" : "fields";
        List<String> names = flags ? SettingsCheck.stringList(s, key, List.of()) : tokens(s);
        Set<W3cField> set = EnumSet.noneOf(W3cField.class);
        for (String name : names) {
            W3cField f = flags ? W3cField.byFlag(name) : W3cField.byToken(name);
            if (f == null) {
                throw new IllegalArgumentException("setting '" + key + "': unknown field '" + name + "' (known: "
                        + known(flags) + ")");
            }
            set.add(f);
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("setting '" + key + "' names no field");
        }
        return set;
    }

    /** {@code fields} may be a list or one string of tokens separated by spaces or commas. */
    private static List<String> tokens(ModuleSettings s) {
        Object raw = s.get("fields");
        if (raw instanceof List<?>) {
            return SettingsCheck.stringList(s, "fields", List.of());
        }
        String text = raw.toString().trim();
        return text.isEmpty() ? List.of() : List.of(text.split("[\\s,]+"));
    }

    private static String known(boolean flags) {
        StringBuilder sb = new StringBuilder();
        for (W3cField f : W3cField.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(flags ? f.flag : f.token);
        }
        return sb.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** The header value the files carry: {@code date time s-ip ...}. */
    String fieldsLine() {
        return fieldsLine;
    }

    @Override
    public void handle(RequestContext ctx) {
        if (ctx.isChildRequest() || dontLog[ctx.locationIndex()]) {
            return;
        }
        int status = ctx.status();
        Selective sel = selective[ctx.locationIndex()];
        if (sel == Selective.LOG_SUCCESSFUL && status >= 400 || sel == Selective.LOG_ERROR && status < 400) {
            return;
        }
        long now = clock.millis();
        String line = format(ctx, now, status);
        writer.offer(new LogWriter.Entry(fileFor(now), software, fieldsLine, now, line, null));
    }

    private String fileFor(long millis) {
        DayFile d = day;
        if (d == null || millis < d.from() || millis >= d.to()) {
            ZoneId zone = localTimeRollover ? clock.zone() : ZoneOffset.UTC;
            LocalDate date = W3cFormat.day(millis, zone);
            long from = date.atStartOfDay(zone).toInstant().toEpochMilli();
            long to = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            d = new DayFile(from, to, W3cFormat.dailyFileName(date));
            day = d;
        }
        return d.name();
    }

    String format(RequestContext ctx, long now, int status) {
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            append(sb, fields[i], ctx, now, status);
        }
        return sb.toString();
    }

    private void append(StringBuilder sb, W3cField f, RequestContext ctx, long now, int status) {
        switch (f) {
            case DATE -> W3cFormat.appendDate(sb, now);
            case TIME -> W3cFormat.appendTime(sb, now);
            case SITE_NAME -> W3cFormat.appendValue(sb, ctx.contextPath().isEmpty() ? "/" : ctx.contextPath());
            case COMPUTER_NAME -> W3cFormat.appendValue(sb, computerName);
            case SERVER_IP -> W3cFormat.appendValue(sb, ctx.localAddress());
            case METHOD -> W3cFormat.appendValue(sb, ctx.method());
            case URI_STEM -> W3cFormat.appendValue(sb, ctx.contextPath() + ctx.originalPath());
            case URI_QUERY -> W3cFormat.appendValue(sb, ctx.queryString());
            case SERVER_PORT -> number(sb, ctx.localPort());
            case USER_NAME -> W3cFormat.appendValue(sb, userName(ctx.user()));
            case CLIENT_IP -> W3cFormat.appendValue(sb, ctx.remoteAddress());
            case PROTOCOL_VERSION -> W3cFormat.appendValue(sb, ctx.protocol());
            case USER_AGENT -> W3cFormat.appendValue(sb, ctx.requestHeader("User-Agent"));
            case COOKIE -> W3cFormat.appendValue(sb, ctx.requestHeader("Cookie"));
            case REFERER -> W3cFormat.appendValue(sb, ctx.requestHeader("Referer"));
            case HOST -> W3cFormat.appendValue(sb, ctx.requestHeader("Host"));
            case HTTP_STATUS -> sb.append(status);
            case HTTP_SUB_STATUS -> sb.append(ctx.subStatus());
            case WIN32_STATUS -> sb.append('0');
            case BYTES_SENT -> number(sb, ctx.bytesSent());
            case BYTES_RECV -> number(sb, ctx.bytesReceived());
            case TIME_TAKEN -> sb.append(Math.max(0L, (clock.nanoTime() - ctx.requestStartNanos()) / 1_000_000L));
            default -> throw new AssertionError(f);
        }
    }

    private static void number(StringBuilder sb, long n) {
        if (n < 0) {
            sb.append('-');
        } else {
            sb.append(n);
        }
    }

    private static String userName(Principal p) {
        return p == null ? null : p.getName();
    }
}
