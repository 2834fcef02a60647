package io.stageline.match;

import io.stageline.api.HandlerMapping;
import io.stageline.api.RequireAccess;
import java.util.List;
import java.util.Objects;

/**
 * The compiled handler-mapping table of one configuration location: selects the mapping that handles a request
 * (reference §3.6 steps 1-3). Immutable and thread-safe; built once per configuration snapshot.
 *
 * <p>Input contract of {@link #compile}: the mappings are already merged in priority order (nearest configuration
 * level first, first match wins) and already filtered by precondition; {@code policy} is the location's effective
 * {@code accessPolicy}.
 *
 * <p>Selection contract of {@link #select}: walking the table in order, the first mapping wins whose
 * <ol>
 *   <li>verb list matches the method (case-sensitive),</li>
 *   <li>path mask matches the canonical path ({@link PathMask#matches}; {@link PathMask#matchPathInfo} {@code >= 0}
 *       for {@code allowPathInfo} mappings),</li>
 *   <li>{@code servlet: "*"} ({@link HandlerMapping#ANY_SERVLET}) only: the container mapped the request to a
 *       servlet other than its default servlet ({@code nonDefaultServlet}); otherwise the mapping is skipped
 *       as if it did not match,</li>
 *   <li>{@code requireAccess} is granted by the policy ({@link AccessPolicy#grants}); otherwise the mapping is
 *       disabled and skipped.</li>
 * </ol>
 * It returns the winner's index, or a negative code when none wins: {@link #FORBIDDEN_EXECUTE},
 * {@link #FORBIDDEN_READ} or {@link #FORBIDDEN_WRITE} when a disabled mapping matched (the first one in table order
 * decides), else {@link #NO_HANDLER}. {@link #httpStatus} / {@link #subStatus} turn a code into 404.4 / 403.x.
 *
 * <p>{@code select} is the hot path: it allocates nothing, takes no lock and uses neither regular expressions nor
 * reflection. It scans only the mappings that can match the path's last segments (indexes by exact segment, by
 * extension and by parent segment, compiled here), in table order, so the first-match order is never changed.
 *
 * <p>Example: with {@code [*.jsp GET (Script), * * (Read)]} and the default policy, {@code GET /a/x.JSP} selects 0,
 * {@code POST /a/x.jsp} falls through to 1, and with {@code AccessPolicy.parse("Script")} {@code POST /a/x.jsp}
 * returns {@link #FORBIDDEN_READ} (403.2).
 */
public final class HandlerTable {
    /** No mapping matched: 404.4 "No handler configured". */
    public static final int NO_HANDLER = -1;
    /** Only mappings needing Script or Execute matched, and they are disabled: 403.1. */
    public static final int FORBIDDEN_EXECUTE = -2;
    /** Only disabled mappings matched, the first needing Read: 403.2. */
    public static final int FORBIDDEN_READ = -3;
    /** Only disabled mappings matched, the first needing Write: 403.3. */
    public static final int FORBIDDEN_WRITE = -4;

    private final HandlerMapping[] mappings;
    private final PathMask[] masks;
    private final VerbSet[] verbs;
    private final int[] verbBits;
    private final boolean[] anyServlet;
    private final boolean[] pathInfo;
    private final int[] denyLocal;
    private final int[] denyRemote;
    private final AccessPolicy policy;
    private final CandidateIndex index;

    private HandlerTable(List<HandlerMapping> list, AccessPolicy policy) {
        int n = list.size();
        this.policy = policy;
        mappings = new HandlerMapping[n];
        masks = new PathMask[n];
        verbs = new VerbSet[n];
        verbBits = new int[n];
        anyServlet = new boolean[n];
        pathInfo = new boolean[n];
        denyLocal = new int[n];
        denyRemote = new int[n];
        int catchAll = n;
        for (int i = 0; i < n; i++) {
            HandlerMapping m = Objects.requireNonNull(list.get(i), "mapping");
            mappings[i] = m;
            masks[i] = compileMask(m);
            verbs[i] = parseVerbs(m);
            verbBits[i] = verbs[i].bits();
            anyServlet[i] = HandlerMapping.ANY_SERVLET.equals(m.servletName());
            pathInfo[i] = m.allowPathInfo();
            if (m.requireAccess() == null) {
                throw new IllegalArgumentException(describe(m) + ": requireAccess is missing");
            }
            denyLocal[i] = denyCode(policy, m.requireAccess(), true);
            denyRemote[i] = denyCode(policy, m.requireAccess(), false);
            if (catchAll == n && isCatchAll(i)) {
                catchAll = i;
            }
        }
        index = new CandidateIndex(masks, pathInfo, catchAll == n ? n : catchAll + 1);
    }

    /**
     * Compiles the table.
     *
     * @param mappings in priority order, already filtered by precondition
     * @param policy   the effective {@code accessPolicy}
     * @throws IllegalArgumentException naming the mapping and its {@link HandlerMapping#source()} when its path mask
     *                                  or verb list is invalid
     */
    public static HandlerTable compile(List<HandlerMapping> mappings, AccessPolicy policy) {
        Objects.requireNonNull(mappings, "mappings");
        Objects.requireNonNull(policy, "policy");
        return new HandlerTable(mappings, policy);
    }

    private static PathMask compileMask(HandlerMapping m) {
        try {
            return PathMask.compile(m.path());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe(m) + ": " + e.getMessage(), e);
        }
    }

    private static VerbSet parseVerbs(HandlerMapping m) {
        try {
            return VerbSet.parse(m.verb());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe(m) + ": " + e.getMessage(), e);
        }
    }

    private static String describe(HandlerMapping m) {
        return "handler '" + m.name() + "' at " + m.source();
    }

    private static int denyCode(AccessPolicy policy, RequireAccess need, boolean local) {
        if (policy.grants(need, local)) {
            return 0;
        }
        switch (need) {
            case READ:
                return FORBIDDEN_READ;
            case WRITE:
                return FORBIDDEN_WRITE;
            case SCRIPT:
            case EXECUTE:
                return FORBIDDEN_EXECUTE;
            default:
                throw new AssertionError(need);
        }
    }

    /** Matches every request and is always enabled: nothing after it can ever be selected or make a 403. */
    private boolean isCatchAll(int i) {
        return masks[i].kind() == PathMask.Kind.ANY && verbs[i].isAny() && !anyServlet[i] && denyRemote[i] == 0;
    }

    /**
     * Selects the mapping for a request; see the class comment.
     *
     * @param path              the canonical application-relative decoded path, starting with {@code /}
     * @param method            the request method, compared case-sensitively
     * @param nonDefaultServlet whether the container mapped the request to a servlet other than its default servlet
     * @param localRequest      whether the request comes from the local machine (for {@code NoRemoteX} flags)
     * @return the index of the selected mapping, or {@link #NO_HANDLER}, {@link #FORBIDDEN_EXECUTE},
     *         {@link #FORBIDDEN_READ}, {@link #FORBIDDEN_WRITE}
     */
    /** False when {@link #select}'s answer never depends on {@code localRequest}: callers may skip computing it. */
    public boolean dependsOnLocality() {
        return policy.dependsOnLocality();
    }

    public int select(String path, String method, boolean nonDefaultServlet, boolean localRequest) {
        PathMask.checkPath(path);
        Objects.requireNonNull(method, "method");
        int methodBit = VerbSet.methodBit(method);
        int lastSlash = path.lastIndexOf('/');
        int[] primary = index.candidates(path, lastSlash);
        int[] parents = index.parentCandidates(path, lastSlash);
        int[] deny = localRequest ? denyLocal : denyRemote;
        int denied = 0;
        int p = 0;
        int q = 0;
        int pn = primary.length;
        int qn = parents == null ? 0 : parents.length;
        while (true) {
            int i;
            if (q < qn && (p == pn || parents[q] < primary[p])) {
                i = parents[q++];
            } else if (p < pn) {
                i = primary[p++];
            } else {
                break;
            }
            if ((verbBits[i] & methodBit) == 0 || methodBit == VerbSet.OTHER_METHOD && !verbs[i].matches(method)
                    || !pathMatches(i, path, lastSlash) || anyServlet[i] && !nonDefaultServlet) {
                continue;
            }
            if (deny[i] == 0) {
                return i;
            }
            if (denied == 0) {
                denied = deny[i];
            }
        }
        return denied != 0 ? denied : NO_HANDLER;
    }

    private boolean pathMatches(int i, String path, int lastSlash) {
        return pathInfo[i] ? masks[i].matchPathInfo(path) >= 0 : masks[i].matchesPrefix(path, path.length(), lastSlash);
    }

    /**
     * Walks the whole table in order, as {@link #select} decides, reporting a {@link Verdict} for each mapping until
     * one is {@link Verdict#SELECTED} (every mapping is reported when none is). Not a hot-path method.
     */
    public void explain(String path, String method, boolean nonDefaultServlet, boolean localRequest,
            SelectionListener listener) {
        PathMask.checkPath(path);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(listener, "listener");
        int[] deny = localRequest ? denyLocal : denyRemote;
        for (int i = 0; i < mappings.length; i++) {
            Verdict verdict;
            if (!pathMatches(i, path, path.lastIndexOf('/'))) {
                verdict = Verdict.PATH_MISMATCH;
            } else if (!verbs[i].matches(method)) {
                verdict = Verdict.VERB_MISMATCH;
            } else if (anyServlet[i] && !nonDefaultServlet) {
                verdict = Verdict.NOT_CONTAINER_SERVLET;
            } else if (deny[i] != 0) {
                verdict = Verdict.ACCESS_DENIED;
            } else {
                verdict = Verdict.SELECTED;
            }
            listener.onMapping(i, mappings[i], verdict);
            if (verdict == Verdict.SELECTED) {
                return;
            }
        }
    }

    /** The mapping at {@code index} (a non-negative result of {@link #select}). */
    public HandlerMapping mapping(int index) {
        return mappings[index];
    }

    /** The compiled path mask of the mapping at {@code index}. */
    public PathMask pathMask(int index) {
        return masks[index];
    }

    /** The compiled verb list of the mapping at {@code index}. */
    public VerbSet verbSet(int index) {
        return verbs[index];
    }

    public int size() {
        return mappings.length;
    }

    public AccessPolicy policy() {
        return policy;
    }

    /**
     * Where PATH_INFO starts in {@code path} for the mapping at {@code index}: {@code path.length()} (no PATH_INFO)
     * when the mapping does not allow path info, else {@link PathMask#matchPathInfo} (-1 if the mask does not match).
     */
    public int pathInfoStart(int index, String path) {
        PathMask.checkPath(path);
        return pathInfo[index] ? masks[index].matchPathInfo(path) : path.length();
    }

    /** The HTTP status of a negative {@link #select} code: 404 or 403. */
    public static int httpStatus(int code) {
        switch (code) {
            case NO_HANDLER:
                return 404;
            case FORBIDDEN_EXECUTE:
            case FORBIDDEN_READ:
            case FORBIDDEN_WRITE:
                return 403;
            default:
                throw new IllegalArgumentException("not a selection failure code: " + code);
        }
    }

    /** The IIS substatus of a negative {@link #select} code: 4 (404.4), 1, 2 or 3 (403.1, 403.2, 403.3). */
    public static int subStatus(int code) {
        switch (code) {
            case NO_HANDLER:
                return 4;
            case FORBIDDEN_EXECUTE:
                return 1;
            case FORBIDDEN_READ:
                return 2;
            case FORBIDDEN_WRITE:
                return 3;
            default:
                throw new IllegalArgumentException("not a selection failure code: " + code);
        }
    }

    @Override
    public String toString() {
        return "HandlerTable[" + mappings.length + " mappings, accessPolicy=" + policy + "]";
    }
}
