package io.stageline.modules.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String h = PasswordHash.hash("s3cret".toCharArray(), PasswordHash.MIN_ITERATIONS);
        assertTrue(h.startsWith("{pbkdf2-sha256}10000$"), h);
        assertTrue(PasswordHash.verify(h, "s3cret".toCharArray()));
        assertFalse(PasswordHash.verify(h, "s3cret ".toCharArray()));
        assertFalse(PasswordHash.verify(h, "".toCharArray()));
        assertNull(PasswordHash.problem(h));
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        char[] pw = "same".toCharArray();
        assertNotEquals(PasswordHash.hash(pw, PasswordHash.MIN_ITERATIONS), PasswordHash.hash(pw, PasswordHash.MIN_ITERATIONS));
    }

    @Test
    void aKnownVectorVerifies() {
        // PBKDF2-HMAC-SHA256("password", "saltsaltsaltsalt", 10000, 32), computed independently with Python's hashlib
        String stored = "{pbkdf2-sha256}10000$c2FsdHNhbHRzYWx0c2FsdA==$" + KNOWN;
        assertTrue(PasswordHash.verify(stored, "password".toCharArray()));
    }

    private static final String KNOWN = "/HBtt7Z/7p0CzRvSN1B+KXrKNskvRts1UWw61zKTFUo=";

    @ParameterizedTest
    @ValueSource(strings = {"plain", "{pbkdf2-sha256}", "{pbkdf2-sha256}abc$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==",
        "{pbkdf2-sha256}10$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==", "{pbkdf2-sha256}10000$!!$AAAA",
        "{pbkdf2-sha256}10000$AAAA$AAAAAAAAAAAAAAAAAAAAAA==", "{sha1}x"})
    void malformedStoredValuesAreProblemsAndNeverVerify(String stored) {
        assertNotNull(PasswordHash.problem(stored));
        assertFalse(PasswordHash.verify(stored, "x".toCharArray()));
    }

    @Test
    void anIterationCountOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.hash("x".toCharArray(), 1000));
        assertEquals(600_000, PasswordHash.DEFAULT_ITERATIONS);
    }
}
