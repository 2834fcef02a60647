package io.stageline.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

/** Checks {@code type:} class names against the application's class loader without initialising the classes. */
final class ClassCheck {
    private final Problems problems;
    private final ClassLoader loader;

    ClassCheck(Problems problems, ClassLoader loader) {
        this.problems = problems;
        this.loader = loader;
    }

    /** True when {@code name} loads, implements {@code required} and has a public no-argument constructor. */
    boolean check(String name, Position at, Class<?> required, String owner) {
        Class<?> c;
        try {
            c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(ProblemCode.CLASS_NOT_FOUND, at, owner + ": class '" + name + "' cannot be loaded ("
                    + e.getClass().getSimpleName() + ")", "check the class name and that its jar or classes "
                    + "directory is on the application's class path");
            return false;
        }
        if (!required.isAssignableFrom(c)) {
            problems.add(ProblemCode.CLASS_NOT_USABLE, at, owner + ": class '" + name + "' does not implement "
                    + required.getName(), null);
            return false;
        }
        if (!hasPublicNoArgConstructor(c)) {
            problems.add(ProblemCode.CLASS_NOT_USABLE, at, owner + ": class '" + name + "' has no public "
                    + "no-argument constructor", "make the class public and concrete, with a public constructor "
                    + "that takes no arguments");
            return false;
        }
        return true;
    }

    private static boolean hasPublicNoArgConstructor(Class<?> c) {
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers()) || !Modifier.isPublic(c.getModifiers())) {
            return false;
        }
        try {
            Constructor<?> k = c.getConstructor();
            return Modifier.isPublic(k.getModifiers());
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }
}
