package io.stageline.modules.httplogging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** W3C extended value encoding, dates and file names (reference §7.1). */
final class W3cFormat {
    private W3cFormat() {
    }

    /**
     * Appends a field value: {@code -} when null or empty; spaces become {@code +}; other whitespace and control
     * characters (which would break the line) become {@code +} too.
     */
    static void appendValue(StringBuilder sb, String value) {
        if (value == null || value.isEmpty()) {
            sb.append('-');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(c <= ' ' || c == 0x7f ? '+' : c);
        }
    }

    /** Appends {@code yyyy-MM-dd} of the UTC instant. */
    static void appendDate(StringBuilder sb, long epochMillis) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, 86_400_000L));
        sb.append(d.getYear()).append('-');
        two(sb, d.getMonthValue());
        sb.append('-');
        two(sb, d.getDayOfMonth());
    }

    /** Appends {@code HH:mm:ss} of the UTC instant. */
    static void appendTime(StringBuilder sb, long epochMillis) {
        long secondOfDay = Math.floorMod(epochMillis, 86_400_000L) / 1000;
        two(sb, (int) (secondOfDay / 3600));
        sb.append(':');
        two(sb, (int) (secondOfDay / 60 % 60));
        sb.append(':');
        two(sb, (int) (secondOfDay % 60));
    }

    private static void two(StringBuilder sb, int n) {
        if (n < 10) {
            sb.append('0');
        }
        sb.append(n);
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in UTC, for the {@code #Date:} directive. */
    static String dateTime(long epochMillis) {
        StringBuilder sb = new StringBuilder(19);
        appendDate(sb, epochMillis);
        sb.append(' ');
        appendTime(sb, epochMillis);
        return sb.toString();
    }

    /** The day a record belongs to: UTC, or the local zone with {@code localTimeRollover}. */
    static LocalDate day(long epochMillis, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone == null ? ZoneOffset.UTC : zone);
    }

    /** {@code u_exYYMMDD.log}: IIS's daily W3C file name for UTF-8 logs. */
    static String dailyFileName(LocalDate day) {
        StringBuilder sb = new StringBuilder("u_ex");
        two(sb, day.getYear() % 100);
        two(sb, day.getMonthValue());
        two(sb, day.getDayOfMonth());
        return sb.append(".log").toString();
    }
}
