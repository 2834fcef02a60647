package io.stageline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stageline.cli.ClassFileReader.Annotation;
import io.stageline.cli.ClassFileReader.ClassInfo;
import io.stageline.cli.ClassFileReader.ClassRef;
import io.stageline.cli.ClassFileReader.EnumConstant;
import io.stageline.cli.ClassFileReader.MalformedClassException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFileReaderTest {
    @TempDir
    Path dir;

    private static final String EVERYTHING = """
            package com.ex;
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.RUNTIME)
            public @interface Everything {
                byte b(); char c(); short s(); int i(); long j(); float f(); double d(); boolean z();
                String str(); RetentionPolicy e(); Class<?> cls(); Class<?> nothing();
                jakarta.servlet.annotation.WebInitParam nested(); int[] ints(); String[] none();
            }
            """;

    /** A Java 17 class: a record, a lambda, a method reference, string concatenation (indy), a switch on strings. */
    private static final String MODERN = """
            package com.ex;
            import jakarta.servlet.annotation.WebInitParam;
            import jakarta.servlet.annotation.WebServlet;
            import java.lang.annotation.RetentionPolicy;
            import java.util.function.Supplier;
            @Deprecated
            @Everything(b = -1, c = 'x', s = 300, i = 70000, j = 1L << 40, f = 2.5f, d = -0.125, z = true, str = "é/€",
                    e = RetentionPolicy.CLASS, cls = String[].class, nothing = void.class,
                    nested = @WebInitParam(name = "k", value = "v"), ints = {1, 2}, none = {})
            @WebServlet(name = "modern", urlPatterns = {"/m/*", "*.mod"}, loadOnStartup = 1,
                    initParams = @WebInitParam(name = "a", value = "b"), asyncSupported = true)
            public class Modern extends jakarta.servlet.http.HttpServlet {
                public static final long BIG = 1234567890123L;
                public static final double PI = 3.14;
                record Point(int x, int y) { }
                private final Supplier<String> s = () -> "p" + new Point(1, 2) + System.nanoTime();
                private final Runnable r = System.out::println;
                String kind(String k) {
                    return switch (k) { case "a" -> "A"; case "b" -> "B"; default -> k + "?"; };
                }
            }
            """;

    private byte[] modern() throws IOException {
        Path out = dir.resolve("out");
        ServletClasses.compile(out, Map.of("com.ex.Everything", EVERYTHING, "com.ex.Modern", MODERN));
        return Files.readAllBytes(out.resolve("com/ex/Modern.class"));
    }

    @Test
    void aCompiledJava17ClassYieldsItsNameAndEveryKindOfElementValue() throws IOException {
        ClassInfo c = ClassFileReader.read(modern());

        assertEquals("com.ex.Modern", c.name());
        assertNotNull(c.annotation("Ljava/lang/Deprecated;"));
        Annotation servlet = c.annotation(AnnotatedServlets.WEB_SERVLET);
        assertEquals("modern", servlet.elements().get("name"));
        assertEquals(List.of("/m/*", "*.mod"), servlet.elements().get("urlPatterns"));
        assertEquals(1, servlet.elements().get("asyncSupported"));
        assertEquals(1, servlet.elements().get("loadOnStartup"));
        Map<String, Object> e = c.annotation("Lcom/ex/Everything;").elements();
        assertEquals(-1, e.get("b"));
        assertEquals((int) 'x', e.get("c"));
        assertEquals(300, e.get("s"));
        assertEquals(70000, e.get("i"));
        assertEquals(1L << 40, e.get("j"));
        assertEquals(2.5f, e.get("f"));
        assertEquals(-0.125, e.get("d"));
        assertEquals(1, e.get("z"));
        assertEquals("é/€", e.get("str"));
        assertEquals(new EnumConstant("Ljava/lang/annotation/RetentionPolicy;", "CLASS"), e.get("e"));
        assertEquals(new ClassRef("[Ljava/lang/String;"), e.get("cls"));
        assertEquals(new ClassRef("V"), e.get("nothing"));
        assertEquals(new Annotation("Ljakarta/servlet/annotation/WebInitParam;", Map.of("name", "k", "value", "v")),
                e.get("nested"));
        assertEquals(List.of(1, 2), e.get("ints"));
        assertEquals(List.of(), e.get("none"));
    }

    @Test
    void aHandAssembledClassWithEveryConstantPoolTagIsSizedCorrectly() throws IOException {
        ClassInfo c = ClassFileReader.read(everyTag(false));

        assertEquals("com.ex.Hand", c.name());
        assertEquals(Map.of("urlPatterns", List.of("/hand"), "name", "hand"),
                c.annotation(AnnotatedServlets.WEB_SERVLET).elements());
    }

    @Test
    void everyTruncationAndAnExtraByteAreMalformedNeverAnotherException() throws IOException {
        byte[] ok = everyTag(false);
        for (int n = 0; n < ok.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(ok, n);
            assertThrows(MalformedClassException.class, () -> ClassFileReader.read(cut), "length " + n);
        }
        MalformedClassException extra = assertThrows(MalformedClassException.class,
                () -> ClassFileReader.read(everyTag(true)));
        assertEquals("1 extra bytes after the class file", extra.getMessage());
    }

    @Test
    void corruptedBytesAreMalformedOrReadNeverAnotherException() throws IOException {
        byte[] ok = modern();
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            byte[] bad = ok.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                bad[8 + random.nextInt(bad.length - 8)] = (byte) random.nextInt(256);
            }
            try {
                ClassFileReader.read(bad);
            } catch (MalformedClassException expected) {
                assertNotNull(expected.getMessage());
            }
        }
    }

    @Test
    void anotherFileIsNotAClassFile() {
        MalformedClassException e = assertThrows(MalformedClassException.class,
                () -> ClassFileReader.read("PK\u0003\u0004 not a class".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertEquals("not a class file (no 0xCAFEBABE magic)", e.getMessage());
    }

    @Test
    void anUnknownConstantPoolTagIsMalformed() throws IOException {
        byte[] b = everyTag(false);
        b[10] = 2; // the first entry's tag: 2 is unused

        MalformedClassException e = assertThrows(MalformedClassException.class, () -> ClassFileReader.read(b));

        assertEquals("unknown constant pool tag 2 at index 1", e.getMessage());
    }

    @Test
    void aClassWithoutAnnotationsHasNone() throws IOException {
        ServletClasses.compile(dir, Map.of("com.ex.Plain", "package com.ex; public class Plain { }"));

        ClassInfo c = ClassFileReader.read(Files.readAllBytes(dir.resolve("com/ex/Plain.class")));

        assertEquals(List.of(), c.annotations());
        assertNull(c.annotation(AnnotatedServlets.WEB_SERVLET));
    }

    /** A class file whose constant pool holds one entry of every tag (Java 17's included), a field and a method. */
    private static byte[] everyTag(boolean extraByte) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(bytes);
        o.writeInt(0xCAFEBABE);
        o.writeShort(0);
        o.writeShort(61);
        o.writeShort(28); // constant_pool_count: entries 1..27, Long and Double taking two slots each
        utf(o, "com/ex/Hand"); // 1
        ref(o, 7, 1); // 2 Class
        utf(o, "java/lang/Object"); // 3
        ref(o, 7, 3); // 4 Class
        o.writeByte(3);
        o.writeInt(7); // 5 Integer
        o.writeByte(4);
        o.writeFloat(1.5f); // 6 Float
        o.writeByte(5);
        o.writeLong(1L << 40); // 7-8 Long
        o.writeByte(6);
        o.writeDouble(2.5); // 9-10 Double
        ref(o, 8, 1); // 11 String
        ref2(o, 12, 1, 3); // 12 NameAndType
        ref2(o, 9, 2, 12); // 13 Fieldref
        ref2(o, 10, 2, 12); // 14 Methodref
        ref2(o, 11, 4, 12); // 15 InterfaceMethodref
        o.writeByte(15);
        o.writeByte(1);
        o.writeShort(13); // 16 MethodHandle
        ref(o, 16, 3); // 17 MethodType
        ref2(o, 17, 0, 12); // 18 Dynamic
        ref2(o, 18, 0, 12); // 19 InvokeDynamic
        ref(o, 19, 1); // 20 Module
        ref(o, 20, 1); // 21 Package
        utf(o, "RuntimeVisibleAnnotations"); // 22
        utf(o, AnnotatedServlets.WEB_SERVLET); // 23
        utf(o, "urlPatterns"); // 24
        utf(o, "/hand"); // 25
        utf(o, "name"); // 26
        utf(o, "hand"); // 27
        o.writeShort(0x0021); // public super
        o.writeShort(2);
        o.writeShort(4);
        o.writeShort(1);
        o.writeShort(4); // one interface
        for (int member = 0; member < 2; member++) { // one field, one method, each with a 3-byte attribute
            o.writeShort(1); // fields_count, then methods_count
            o.writeShort(1);
            o.writeShort(1);
            o.writeShort(3);
            o.writeShort(1);
            o.writeShort(1);
            o.writeInt(3);
            o.write(new byte[] {1, 2, 3});
        }
        o.writeShort(1); // one class attribute
        o.writeShort(22);
        o.writeInt(2 + 2 + 2 + (2 + 1 + 2 + 1 + 2) + (2 + 1 + 2));
        o.writeShort(1);
        o.writeShort(23);
        o.writeShort(2);
        o.writeShort(24);
        o.writeByte('[');
        o.writeShort(1);
        o.writeByte('s');
        o.writeShort(25);
        o.writeShort(26);
        o.writeByte('s');
        o.writeShort(27);
        if (extraByte) {
            o.writeByte(0);
        }
        return bytes.toByteArray();
    }

    private static void utf(DataOutputStream o, String s) throws IOException {
        o.writeByte(1);
        o.writeUTF(s);
    }

    private static void ref(DataOutputStream o, int tag, int index) throws IOException {
        o.writeByte(tag);
        o.writeShort(index);
    }

    private static void ref2(DataOutputStream o, int tag, int a, int b) throws IOException {
        o.writeByte(tag);
        o.writeShort(a);
        o.writeShort(b);
    }
}
