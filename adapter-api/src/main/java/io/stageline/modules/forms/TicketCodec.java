package io.stageline.modules.forms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens forms tickets: AES-256-GCM (encryption and authentication in one) with a key derived from the
 * configured secret by HMAC-SHA256, so every server configured with the same secret accepts the others' tickets and
 * no server state is needed. Cookie value: base64url of {@code version(1) | nonce(12) | ciphertext+tag}; the version
 * byte is authenticated as associated data.
 */
final class TicketCodec {
    static final int MIN_KEY_BYTES = 32;
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_COOKIE = 3800;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    TicketCodec(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal("stageline forms ticket v1".getBytes(StandardCharsets.US_ASCII)),
                    "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Reads the configured secret: hex when it is only hex digits (even length), otherwise base64 (standard or URL
     * alphabet). At least {@value #MIN_KEY_BYTES} bytes.
     */
    static byte[] parseKey(String text) {
        String t = text == null ? "" : text.trim();
        byte[] bytes;
        if (!t.isEmpty() && t.length() % 2 == 0 && t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            bytes = HexFormat.of().parseHex(t);
        } else {
            try {
                bytes = (t.indexOf('-') >= 0 || t.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                        .decode(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("setting 'key' is neither hex nor base64");
            }
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("setting 'key' holds " + bytes.length + " bytes; at least "
                    + MIN_KEY_BYTES + " are required (e.g. openssl rand -base64 32)");
        }
        return bytes;
    }

    String seal(FormsTicket t) {
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(plain);
            out.writeLong(t.issuedMillis());
            out.writeLong(t.expiresMillis());
            out.writeUTF(t.user());
            out.writeShort(t.roles().size());
            for (String r : t.roles()) {
                out.writeUTF(r);
            }
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(new byte[] {VERSION});
            byte[] sealed = c.doFinal(plain.toByteArray());
            byte[] all = new byte[1 + NONCE + sealed.length];
            all[0] = VERSION;
            System.arraycopy(nonce, 0, all, 1, NONCE);
            System.arraycopy(sealed, 0, all, 1 + NONCE, sealed.length);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(all);
            if (value.length() > MAX_COOKIE) {
                throw new IllegalStateException("the forms ticket of user '" + t.user() + "' is too large for a "
                        + "cookie (too many roles)");
            }
            return value;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not seal a forms ticket", e);
        }
    }

    /** The ticket in a cookie value, or null when it was not sealed with this key, was altered or is malformed. */
    FormsTicket open(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_COOKIE) {
            return null;
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(value);
            if (all.length < 1 + NONCE + TAG_BITS / 8 || all[0] != VERSION) {
                return null;
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 1, NONCE));
            c.updateAAD(all, 0, 1);
            byte[] plain = c.doFinal(all, 1 + NONCE, all.length - 1 - NONCE);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
            long issued = in.readLong();
            long expires = in.readLong();
            String user = in.readUTF();
            int n = in.readUnsignedShort();
            List<String> roles = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                roles.add(in.readUTF());
            }
            if (in.available() != 0 || user.isEmpty()) {
                return null;
            }
            return new FormsTicket(user, roles, issued, expires);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
