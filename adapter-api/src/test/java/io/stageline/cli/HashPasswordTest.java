package io.stageline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stageline.cli.CliFixtures.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertTrue(PasswordHashes.verify(line, "correct horse".toCharArray()));
        assertFalse(PasswordHashes.verify(line, "correct horse\n".toCharArray()));
    }

    @Test
    void aWindowsLineBreakIsNotPartOfThePasswordAndEachHashHasItsOwnSalt() {
        CliFixtures fx = new CliFixtures(dir);
        String a = fx.runWithInput("s3cret\r\nignored\n", "hash-password").out().strip();
        String b = fx.runWithInput("s3cret", "hash-password").out().strip();

        assertNotEquals(a, b);
        assertTrue(PasswordHashes.verify(a, "s3cret".toCharArray()));
        assertTrue(PasswordHashes.verify(b, "s3cret".toCharArray()));
    }

    @Test
    void verifyRoundTripsAndRejectsAWrongPassword() {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        String stored = PasswordHashes.hash("pässwörd".toCharArray(), salt, 1000);

        assertTrue(stored.startsWith("{pbkdf2-sha256}1000$MDEyMzQ1Njc4OWFiY2RlZg==$"), stored);
        assertTrue(PasswordHashes.verify(stored, "pässwörd".toCharArray()));
        assertFalse(PasswordHashes.verify(stored, "passwort".toCharArray()));
        assertFalse(PasswordHashes.verify(stored, new char[0]));
    }

    @Test
    void theHashIsPbkdf2HmacSha256AsSpecified() {
        // RFC 7914 §11 test vector for PBKDF2-HMAC-SHA256: P="passwd", S="salt", c=1, dkLen=64 (first 32 bytes here)
        String stored = PasswordHashes.hash("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1);

        byte[] hash = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf('$') + 1));
        assertEquals("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc", hex(hash));
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "{pbkdf2-sha256}", "{pbkdf2-sha256}0$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==",
        "{pbkdf2-sha256}1000$AAAAAAAAAAA=", "{pbkdf2-sha256}99999999$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==",
        "{pbkdf2-sha256}1000$not*base64$AAAAAAAAAAAAAAAAAAAAAA==", "{pbkdf2-sha256}1000$AAAA$AAAAAAAAAAAAAAAAAAAAAA=="})
    void malformedStoredHashesAreRejectedNotTreatedAsAMismatch(String stored) {
        assertFalse(PasswordHashes.isWellFormed(stored));
        assertThrows(IllegalArgumentException.class, () -> PasswordHashes.verify(stored, "x".toCharArray()));
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
