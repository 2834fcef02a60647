package io.stageline.cli;

import io.stageline.modules.auth.PasswordHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.cli.CliFixtures.Result;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashPasswordTest {
    private static final Pattern FORMAT = Pattern.compile("\\{pbkdf2-sha256}600000\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");

    @TempDir
    Path dir;

    @Test
    void hashPasswordPrintsPbkdf2WithSixHundredThousandIterationsASixteenByteSaltAndAThirtyTwoByteHash() {
        Result r = new CliFixtures(dir).runWithInput("correct horse\n", "hash-password");

        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        String line = r.out().strip();
        Matcher m = FORMAT.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(16, Base64.getDecoder().decode(m.group(1)).length);
        assertEquals(32, Base64.getDecoder().decode(m.group(2)).length);
        assertEquals(line + System.lineSeparator(), r.out());
        assertTrue(PasswordHash.verify(line, "correct horse".toCharArray()));
        assertFalse(PasswordHash.verify(line, "correct horse\n".toCharArray()));
    }

    @Test
    void aWindowsLineBreakIsNotPartOfThePasswordAndEachHashHasItsOwnSalt() {
        CliFixtures fx = new CliFixtures(dir);
        String a = fx.runWithInput("s3cret\r\nignored\n", "hash-password").out().strip();
        String b = fx.runWithInput("s3cret", "hash-password").out().strip();

        assertNotEquals(a, b);
        assertTrue(PasswordHash.verify(a, "s3cret".toCharArray()));
        assertTrue(PasswordHash.verify(b, "s3cret".toCharArray()));
    }

    @Test
    void anEmptyPasswordOrNoInputIsRefused() {
        CliFixtures fx = new CliFixtures(dir);

        Result empty = fx.runWithInput("\n", "hash-password");
        Result none = fx.runWithInput("", "hash-password");
        Result extra = fx.runWithInput("pw\n", "hash-password", "pw");

        assertEquals(1, empty.exit());
        assertEquals("stageline: the password is empty", empty.err().strip());
        assertEquals(1, none.exit());
        assertEquals("stageline: hash-password reads the password from standard input, and there was none",
                none.err().strip());
        assertEquals(2, extra.exit());
        assertEquals("stageline: hash-password takes no arguments, but got 'pw'", extra.errLines().get(0));
        assertEquals("", extra.out());
    }
}
