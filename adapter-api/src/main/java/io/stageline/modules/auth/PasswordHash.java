package io.stageline.modules.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The one password-hash implementation of Stageline (the {@code credentials.users} passwords and the
 * {@code stageline hash-password} command): PBKDF2WithHmacSHA256, written as
 * {@code {pbkdf2-sha256}<iterations>$<base64 salt>$<base64 hash>}.
 *
 * <pre>{@code
 * String stored = PasswordHash.hash("s3cret".toCharArray());          // {pbkdf2-sha256}600000$...$...
 * boolean ok = PasswordHash.verify(stored, "s3cret".toCharArray());   // constant-time comparison
 * }</pre>
 */
public final class PasswordHash {
    public static final String PREFIX = "{pbkdf2-sha256}";
    /** The iteration count of new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Stored hashes with fewer iterations are refused as configuration errors. */
    public static final int MIN_ITERATIONS = 10_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** Hashes a password with a fresh random salt and {@link #DEFAULT_ITERATIONS}. */
    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** Hashes a password with a fresh random salt and the given iteration count. */
    public static String hash(char[] password, int iterations) {
        checkIterations(iterations);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] dk = derive(password, salt, iterations, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(dk);
    }

    /**
     * Checks a stored value's syntax; returns null when it is well-formed, otherwise what is wrong (for a configuration
     * message that must not echo the value).
     */
    public static String problem(String stored) {
        try {
            Parsed.of(stored);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** True when {@code password} matches {@code stored}; false for a wrong password or a malformed stored value. */
    public static boolean verify(String stored, char[] password) {
        Parsed p;
        try {
            p = Parsed.of(stored);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] dk = derive(password, p.salt, p.iterations, p.hash.length);
        return MessageDigest.isEqual(dk, p.hash);
    }

    /** Runs the key derivation with a throwaway salt, so an unknown user costs as much as a wrong password. */
    static void burn(char[] password, int iterations) {
        derive(password, new byte[SALT_BYTES], iterations, HASH_BYTES);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS);
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
        static Parsed of(String stored) {
            if (stored == null || !stored.startsWith(PREFIX)) {
                throw new IllegalArgumentException("a password must start with " + PREFIX
                        + " (make one with: stageline hash-password)");
            }
            String[] parts = stored.substring(PREFIX.length()).split("\\$", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("a password must look like " + PREFIX
                        + "<iterations>$<base64 salt>$<base64 hash>");
            }
            int iterations;
            try {
                iterations = Integer.parseInt(parts[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the iteration count of a password hash is not a number");
            }
            checkIterations(iterations);
            try {
                byte[] salt = Base64.getDecoder().decode(parts[1]);
                byte[] hash = Base64.getDecoder().decode(parts[2]);
                if (salt.length < 8 || hash.length < 16) {
                    throw new IllegalArgumentException("the salt (>= 8 bytes) or hash (>= 16 bytes) of a password is "
                            + "too short");
                }
                return new Parsed(iterations, salt, hash);
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("the salt")) {
                    throw e;
                }
                throw new IllegalArgumentException("the salt or hash of a password is not base64");
            }
        }
    }
}
