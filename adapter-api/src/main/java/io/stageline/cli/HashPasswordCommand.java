package io.stageline.cli;

import io.stageline.modules.auth.PasswordHash;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code stageline hash-password}: reads one line (the password, UTF-8, without its line break) from standard input
 * and prints {@link PasswordHash#hash(char[])} of it on one line. On an interactive terminal the password is read without
 * echo. An empty password or no input at all is refused (exit 1).
 */
final class HashPasswordCommand {
    private static final int MAX_BYTES = 4096;

    private HashPasswordCommand() {
    }

    static int run(InputStream in, PrintStream out, PrintStream err) throws IOException {
        char[] password = in == System.in && System.console() != null ? fromConsole(System.console()) : readLine(in);
        if (password == null) {
            err.println("stageline: hash-password reads the password from standard input, and there was none");
            return 1;
        }
        try {
            if (password.length == 0) {
                err.println("stageline: the password is empty");
                return 1;
            }
            out.println(PasswordHash.hash(password));
            return 0;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static char[] fromConsole(Console console) {
        return console.readPassword("Password: ");
    }

    /** One line of UTF-8 without its {@code \n} or {@code \r\n}; null at end of input before any byte. */
    static char[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (buf.size() >= MAX_BYTES) {
                throw new IOException("the password line is longer than " + MAX_BYTES + " bytes");
            }
            buf.write(b);
            b = in.read();
        }
        byte[] bytes = buf.toByteArray();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            n--;
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, n));
        char[] out = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(chars.array(), '\0');
        return out;
    }
}
