package io.stageline.api;

import java.time.Duration;

/** Parses the duration syntax used throughout the configuration: {@code 250ms}, {@code 30s}, {@code 20m}, ... */
public final class Durations {
    private Durations() {
    }

    /** Returns the duration, or null when the text is not a valid non-negative duration. */
    public static Duration parse(String text) {
        String s = text.trim();
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 18) {
            return null;
        }
        long n = Long.parseLong(s.substring(0, i));
        switch (s.substring(i).trim()) {
            case "ms":
                return Duration.ofMillis(n);
            case "":
            case "s":
                return Duration.ofSeconds(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            case "d":
                return Duration.ofDays(n);
            default:
                return null;
        }
    }
}
