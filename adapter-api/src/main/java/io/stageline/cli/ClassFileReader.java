package io.stageline.cli;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the name and the class-level {@code RuntimeVisibleAnnotations} of a class file without loading the class
 * (JVMS §4): the magic, every constant pool entry (all tags up to Java 17's, each sized but only decoded on demand),
 * the access flags, this class, and the class attributes; interfaces, fields, methods and every other attribute are
 * skipped by their sizes. Anything that does not fit the format (an unknown tag, an index out of range or of the wrong
 * kind, a length past the end, bytes left over, annotations nested too deep) is a {@link MalformedClassException}.
 */
final class ClassFileReader {
    /** A class file's magic number. */
    static final int MAGIC = 0xCAFEBABE;
    /** The access flag of {@code module-info.class}. */
    static final int ACC_MODULE = 0x8000;
    private static final int MAX_DEPTH = 32;
    private static final String ANNOTATIONS = "RuntimeVisibleAnnotations";

    /** A class: its binary name ({@code a.b.C$D}), access flags and runtime-visible class annotations. */
    record ClassInfo(String name, int access, List<Annotation> annotations) {
        /** The annotation of type {@code descriptor} ({@code Lpkg/Name;}), or null. */
        Annotation annotation(String descriptor) {
            for (Annotation a : annotations) {
                if (a.type().equals(descriptor)) {
                    return a;
                }
            }
            return null;
        }
    }

    /**
     * An annotation: its type descriptor and element values, each a String ({@code s}), Integer, Long, Float or
     * Double (the primitive kinds; {@code B C S Z} as Integer), {@link EnumConstant}, {@link ClassRef}, a nested
     * Annotation, or a List of those ({@code [}).
     */
    record Annotation(String type, Map<String, Object> elements) {
    }

    /** An enum constant element value ({@code e}). */
    record EnumConstant(String type, String name) {
    }

    /** A class literal element value ({@code c}): its return descriptor, {@code V} for {@code void.class}. */
    record ClassRef(String descriptor) {
    }

    /** The bytes are not a well-formed class file. */
    static final class MalformedClassException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedClassException(String message) {
            super(message);
        }
    }

    private final byte[] b;
    private int pos;
    private byte[] tags;
    private int[] offsets;

    private ClassFileReader(byte[] bytes) {
        this.b = bytes;
    }

    /** Reads {@code bytes} as a class file. */
    static ClassInfo read(byte[] bytes) throws MalformedClassException {
        return new ClassFileReader(bytes).classFile();
    }

    private ClassInfo classFile() throws MalformedClassException {
        if (b.length < 4 || u4() != MAGIC) {
            throw new MalformedClassException("not a class file (no 0xCAFEBABE magic)");
        }
        skip(4); // minor and major version
        constantPool();
        int access = u2();
        String name = className(u2()).replace('/', '.');
        skip(2); // super_class
        skip(2L * u2()); // interfaces
        members(); // fields
        members(); // methods
        List<Annotation> annotations = new ArrayList<>();
        int count = u2();
        for (int i = 0; i < count; i++) {
            String attribute = utf(u2());
            long length = u4() & 0xFFFFFFFFL;
            int end = end(length);
            if (ANNOTATIONS.equals(attribute)) {
                int n = u2();
                for (int j = 0; j < n; j++) {
                    annotations.add(annotation(0));
                }
                if (pos != end) {
                    throw new MalformedClassException("the " + ANNOTATIONS + " attribute's length (" + length
                            + ") does not match its annotations");
                }
            }
            pos = end;
        }
        if (pos != b.length) {
            throw new MalformedClassException((b.length - pos) + " extra bytes after the class file");
        }
        return new ClassInfo(name, access, List.copyOf(annotations));
    }

    private void constantPool() throws MalformedClassException {
        int count = u2();
        if (count == 0) {
            throw new MalformedClassException("constant_pool_count is 0");
        }
        tags = new byte[count];
        offsets = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = u1();
            tags[i] = (byte) tag;
            offsets[i] = pos;
            switch (tag) {
                case 1 -> skip(u2()); // Utf8
                case 3, 4 -> skip(4); // Integer, Float
                case 5, 6 -> { // Long, Double: two slots
                    skip(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> skip(2); // Class, String, MethodType, Module, Package
                case 9, 10, 11, 12, 17, 18 -> skip(4); // refs, NameAndType, Dynamic, InvokeDynamic
                case 15 -> skip(3); // MethodHandle
                default -> throw new MalformedClassException("unknown constant pool tag " + tag + " at index " + i);
            }
        }
    }

    private void members() throws MalformedClassException {
        int count = u2();
        for (int i = 0; i < count; i++) {
            skip(6); // access_flags, name_index, descriptor_index
            int attributes = u2();
            for (int j = 0; j < attributes; j++) {
                skip(2);
                pos = end(u4() & 0xFFFFFFFFL);
            }
        }
    }

    private Annotation annotation(int depth) throws MalformedClassException {
        if (depth > MAX_DEPTH) {
            throw new MalformedClassException("annotations nested more than " + MAX_DEPTH + " deep");
        }
        String type = utf(u2());
        int pairs = u2();
        Map<String, Object> elements = new LinkedHashMap<>();
        for (int i = 0; i < pairs; i++) {
            String name = utf(u2());
            elements.put(name, elementValue(depth + 1));
        }
        return new Annotation(type, elements);
    }

    private Object elementValue(int depth) throws MalformedClassException {
        if (depth > MAX_DEPTH) {
            throw new MalformedClassException("annotation values nested more than " + MAX_DEPTH + " deep");
        }
        int tag = u1();
        switch (tag) {
            case 'B', 'C', 'I', 'S', 'Z':
                return intAt(constant(u2(), 3));
            case 'F':
                return Float.intBitsToFloat(intAt(constant(u2(), 4)));
            case 'J':
                return longAt(constant(u2(), 5));
            case 'D':
                return Double.longBitsToDouble(longAt(constant(u2(), 6)));
            case 's':
                return utf(u2());
            case 'e':
                return new EnumConstant(utf(u2()), utf(u2()));
            case 'c':
                return new ClassRef(utf(u2()));
            case '@':
                return annotation(depth);
            case '[':
                int n = u2();
                List<Object> values = new ArrayList<>(Math.min(n, 64));
                for (int i = 0; i < n; i++) {
                    values.add(elementValue(depth + 1));
                }
                return List.copyOf(values);
            default:
                throw new MalformedClassException("unknown element_value tag " + tag);
        }
    }

    /** The offset of constant {@code index}'s data, checking that its tag is {@code tag}. */
    private int constant(int index, int tag) throws MalformedClassException {
        if (index <= 0 || index >= tags.length || tags[index] != tag) {
            throw new MalformedClassException("constant pool index " + index + " is not a constant of tag " + tag);
        }
        return offsets[index];
    }

    private String utf(int index) throws MalformedClassException {
        int at = constant(index, 1);
        int length = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
        try {
            return new DataInputStream(new ByteArrayInputStream(b, at, length + 2)).readUTF();
        } catch (IOException e) {
            throw new MalformedClassException("constant pool index " + index + " is not valid modified UTF-8");
        }
    }

    private String className(int index) throws MalformedClassException {
        int at = constant(index, 7);
        return utf(((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF));
    }

    private int intAt(int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private long longAt(int at) {
        return ((long) intAt(at) << 32) | (intAt(at + 4) & 0xFFFFFFFFL);
    }

    private int end(long length) throws MalformedClassException {
        if (length > b.length - pos) {
            throw new MalformedClassException("an attribute of " + length + " bytes runs past the end at offset " + pos);
        }
        return pos + (int) length;
    }

    private void skip(long n) throws MalformedClassException {
        pos = end(n);
    }

    private int u1() throws MalformedClassException {
        need(1);
        return b[pos++] & 0xFF;
    }

    private int u2() throws MalformedClassException {
        need(2);
        int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    private int u4() throws MalformedClassException {
        need(4);
        int v = intAt(pos);
        pos += 4;
        return v;
    }

    private void need(int n) throws MalformedClassException {
        if (b.length - pos < n) {
            throw new MalformedClassException("truncated at offset " + pos);
        }
    }
}
