package io.stageline.cli;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for {@code credentials.users[].password}, in the form
 * {@code {pbkdf2-sha256}<iterations>$<base64 salt>$<base64 hash>}: PBKDF2 with HMAC-SHA256 (the JDK's
 * {@code PBKDF2WithHmacSHA256}), a 16-byte {@link SecureRandom} salt, {@value #ITERATIONS} iterations and a 32-byte
 * hash; standard Base64 with padding.
 *
 * <pre>{@code
 * String stored = PasswordHashes.hash("s3cret".toCharArray());
 * // {pbkdf2-sha256}600000$0gM1yq3mTfKXk2u1bH5y1w==$mWbC...=
 * boolean ok = PasswordHashes.verify(stored, typed);     // constant-time comparison
 * }</pre>
 *
 * <p>This class lives in the command's package until the authentication modules arrive; they should use it from
 * here (or move it to {@code io.stageline.api} in that change) rather than copy it.
 */
public final class PasswordHashes {
    /** The scheme prefix of a stored hash. */
    public static final String PREFIX = "{pbkdf2-sha256}";
    public static final int ITERATIONS = 600_000;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;
    /** The largest iteration count {@link #verify} accepts, so a stored value cannot make a check run for minutes. */
    static final int MAX_ITERATIONS = 10_000_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {
    }

    /** Hashes a password with a new random salt; the caller may clear {@code password} afterwards. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return hash(password, salt, ITERATIONS);
    }

    static String hash(char[] password, byte[] salt, int iterations) {
        byte[] derived = derive(password, salt, iterations, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
    }

    /**
     * True when {@code password} is the one {@code stored} was made from. The derived bytes are compared in constant
     * time ({@link MessageDigest#isEqual}).
     *
     * @throws IllegalArgumentException when {@code stored} is not a well-formed hash of this scheme (check it with
     *                                  {@link #isWellFormed} when the configuration is loaded)
     */
    public static boolean verify(String stored, char[] password) {
        Parsed p = parse(stored);
        byte[] derived = derive(password, p.salt, p.iterations, p.hash.length);
        return MessageDigest.isEqual(derived, p.hash);
    }

    /** True when {@code stored} has the form {@code {pbkdf2-sha256}<iterations>$<base64 salt>$<base64 hash>}. */
    public static boolean isWellFormed(String stored) {
        try {
            parse(stored);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " password hash");
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3 || !parts[0].matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("a " + PREFIX + " hash is " + PREFIX + "<iterations>$<salt>$<hash>");
        }
        int iterations = Integer.parseInt(parts[0]);
        if (iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("a " + PREFIX + " hash has at most " + MAX_ITERATIONS + " iterations");
        }
        byte[] salt = Base64.getDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII));
        byte[] hash = Base64.getDecoder().decode(parts[2].getBytes(StandardCharsets.US_ASCII));
        if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
            throw new IllegalArgumentException("the salt or hash of a " + PREFIX + " hash is too short or too long");
        }
        return new Parsed(iterations, salt, hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Clears a password buffer. */
    static void clear(char[] password) {
        Arrays.fill(password, '\0');
    }
}
