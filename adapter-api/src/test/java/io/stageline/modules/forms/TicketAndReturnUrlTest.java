package io.stageline.modules.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketAndReturnUrlTest {
    static final String KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final TicketCodec codec = new TicketCodec(TicketCodec.parseKey(KEY_HEX));
    private final FormsTicket ticket = new FormsTicket("ann", List.of("admin", "staff"), 1_000L, 1_801_000L);

    @Test
    void aSealedTicketOpensWithTheSameKeyOnAnotherServer() {
        String sealed = codec.seal(ticket);
        TicketCodec otherServer = new TicketCodec(TicketCodec.parseKey(KEY_HEX));
        assertEquals(ticket, otherServer.open(sealed));
        assertTrue(sealed.matches("[A-Za-z0-9_-]+"), "cookie-safe: " + sealed);
    }

    @Test
    void aTicketSealedWithAnotherKeyIsRefused() {
        TicketCodec other = new TicketCodec(TicketCodec.parseKey(OTHER_KEY));
        assertNull(codec.open(other.seal(ticket)));
    }

    @Test
    void everyAlteredByteIsDetected() {
        byte[] raw = Base64.getUrlDecoder().decode(codec.seal(ticket));
        for (int i = 0; i < raw.length; i++) {
            byte[] copy = raw.clone();
            copy[i] ^= 0x01;
            assertNull(codec.open(Base64.getUrlEncoder().withoutPadding().encodeToString(copy)), "byte " + i);
        }
        assertNull(codec.open(Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.util.Arrays.copyOf(raw, raw.length - 1))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "!!!!", "AAAA", "YWRtaW4="})
    void garbageIsNotATicket(String value) {
        assertNull(codec.open(value));
    }

    @Test
    void twoSealsOfOneTicketDiffer() {
        assertFalse(codec.seal(ticket).equals(codec.seal(ticket)));
    }

    @Test
    void renewalStartsAtHalfLifeAndKeepsTheLifetime() {
        FormsTicket t = new FormsTicket("ann", List.of(), 0L, 1000L);
        assertFalse(t.needsRenewal(499));
        assertTrue(t.needsRenewal(500));
        assertEquals(new FormsTicket("ann", List.of(), 600L, 1600L), t.renewed(600));
        assertFalse(t.expired(999));
        assertTrue(t.expired(1000));
    }

    @Test
    void keysNeedThirtyTwoBytesInHexOrBase64() {
        assertEquals(32, TicketCodec.parseKey(KEY_HEX).length);
        assertEquals(32, TicketCodec.parseKey(OTHER_KEY).length);
        assertEquals(48, TicketCodec.parseKey(Base64.getUrlEncoder().encodeToString(new byte[48])
                .replace('A', '-')).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TicketCodec.parseKey(HexFormat.of().formatHex(new byte[16])));
        assertTrue(e.getMessage().contains("holds 16 bytes; at least 32"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TicketCodec.parseKey("not a key at all!"));
        assertThrows(IllegalArgumentException.class, () -> TicketCodec.parseKey(""));
    }

    @ParameterizedTest(name = "{0} in ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /page.do                     | ''   | true
            /page.do?x=1&y=http://a.b    | ''   | true
            /                            | ''   | true
            /app/page                    | /app | true
            /app                         | /app | true
            /app?x=1                     | /app | true
            /application/page            | /app | false
            /other                       | /app | false
            //evil.example               | ''   | false
            ///evil.example              | ''   | false
            /\\evil.example              | ''   | false
            \\\\evil.example             | ''   | false
            https://evil.example/        | ''   | false
            http:/evil.example           | ''   | false
            javascript:alert(1)          | ''   | false
            evil.example                 | ''   | false
            /%2F/evil.example            | ''   | false
            /%2f/evil.example            | ''   | false
            %2F%2Fevil.example           | ''   | false
            /%5Cevil.example             | ''   | false
            /%255C%255Cevil.example      | ''   | false
            /%252F%252Fevil.example      | ''   | false
            /%09/evil.example            | ''   | false
            /%0d%0aSet-Cookie:x=y        | ''   | false
            /app/../other                | /app | false
            /app/%2e%2e/other            | /app | false
            /app/./x                     | /app | false
            /caf%ZZ                      | ''   | false
            -                            | ''   | false
            ''                           | ''   | false
            """)
    void onlyLocalReturnUrlsOfTheApplicationAreFollowed(String value, String context, boolean safe) {
        String v = value == null ? null : value.replace("\\\\", "\\");
        if (safe) {
            assertNotNull(ReturnUrls.safe(v, context), v);
        } else {
            assertNull(ReturnUrls.safe(v, context), v);
        }
    }

    @Test
    void controlCharactersAndSpacesAreRefused() {
        assertNull(ReturnUrls.safe("/\t/evil.example", ""));
        assertNull(ReturnUrls.safe("/ /evil.example", ""));
        assertNull(ReturnUrls.safe("/x\r\nLocation: //evil", ""));
        assertNull(ReturnUrls.safe("/" + "a".repeat(3000), ""));
    }
}
