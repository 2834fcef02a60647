package io.stageline.engine;

import io.stageline.api.PipelineMode;
import java.util.List;
import java.util.Locale;

/**
 * Parses and evaluates precondition tokens (IIS {@code preCondition}): all tokens must hold. Tokens are read
 * case-insensitively; unknown tokens are rejected rather than silently disabling an entry.
 *
 * <p>{@code integratedMode}, {@code classicMode}, {@code runtimeVersionvN} (the JVM's feature version),
 * {@code bitness64}, {@code bitness32} (the JVM's data model) are constants of the deployment, evaluated once at
 * compile time. {@code managedHandler} is allowed for modules only and is the one per-request token.
 */
public final class Preconditions {
    public static final String MANAGED_HANDLER = "managedHandler";

    private Preconditions() {
    }

    /** Returns the canonical spelling of a token, or throws naming the token and what is allowed. */
    public static String canonical(String token, boolean forModule) {
        String t = token.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "integratedmode":
                return "integratedMode";
            case "classicmode":
            case "isapimode":
                return "classicMode";
            case "bitness64":
                return "bitness64";
            case "bitness32":
                return "bitness32";
            case "managedhandler":
                if (!forModule) {
                    throw new IllegalArgumentException("precondition 'managedHandler' applies to modules, not handlers");
                }
                return MANAGED_HANDLER;
            default:
                if (lower.startsWith("runtimeversionv") && lower.length() > "runtimeversionv".length()
                        && lower.substring("runtimeversionv".length()).chars().allMatch(Character::isDigit)) {
                    return "runtimeVersionv" + lower.substring("runtimeversionv".length());
                }
                throw new IllegalArgumentException("unknown precondition '" + t + "' (allowed: integratedMode, "
                        + "classicMode, runtimeVersionvN, bitness64, bitness32" + (forModule ? ", managedHandler)" : ")"));
        }
    }

    /** Evaluates the deployment-constant tokens; {@code managedHandler} is ignored here (per request). */
    public static boolean holds(List<String> tokens, PipelineMode mode) {
        for (String raw : tokens) {
            String t = canonical(raw, true);
            switch (t) {
                case "integratedMode":
                    if (mode != PipelineMode.INTEGRATED) {
                        return false;
                    }
                    break;
                case "classicMode":
                    if (mode != PipelineMode.CLASSIC) {
                        return false;
                    }
                    break;
                case "bitness64":
                    if (!is64Bit()) {
                        return false;
                    }
                    break;
                case "bitness32":
                    if (is64Bit()) {
                        return false;
                    }
                    break;
                case MANAGED_HANDLER:
                    break;
                default:
                    if (Integer.parseInt(t.substring("runtimeVersionv".length())) != Runtime.version().feature()) {
                        return false;
                    }
            }
        }
        return true;
    }

    /** True when the tokens contain {@code managedHandler}. */
    public static boolean hasManagedHandler(List<String> tokens) {
        for (String t : tokens) {
            if (MANAGED_HANDLER.equals(canonical(t, true))) {
                return true;
            }
        }
        return false;
    }

    static boolean is64Bit() {
        String model = System.getProperty("sun.arch.data.model", "64");
        return !"32".equals(model);
    }
}
