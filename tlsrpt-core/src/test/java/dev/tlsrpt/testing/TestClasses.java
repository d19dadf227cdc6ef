package dev.tlsrpt.testing;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.annotation.Testable;

/**
 * Finds the test classes of a module that surefire would never run. Surefire hands the JUnit Platform only
 * the classes its includes name, by default {@code Test*}, {@code *Test}, {@code *Tests} and
 * {@code *TestCase}, and leaves out nested classes ({@code *$*}): a class of properties called
 * {@code ...Properties} compiled, looked like a test, and never ran. A test class is one with a method that
 * carries {@link Testable}, directly or through its annotations: JUnit's {@code @Test},
 * {@code @ParameterizedTest}, {@code @TestFactory}, jqwik's {@code @Property} and {@code @Example},
 * Jazzer's {@code @FuzzTest}. Public so that every module's tests reach it through core's test-jar (a
 * package of its own: {@code dev.tlsrpt} belongs to core's module).
 */
public final class TestClasses {
    /** Surefire's default includes, as patterns on the simple name of a top-level class. */
    public static final Pattern SUREFIRE_INCLUDES = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");

    private TestClasses() {
    }

    /**
     * What a scan of one module's compiled tests found.
     *
     * @param testClasses every class with test methods, by binary name
     * @param notRun why each class that surefire would leave out is left out
     */
    public record Scan(List<String> testClasses, List<String> notRun) {
    }

    /**
     * Scans the directory of compiled test classes that holds {@code anchor}.
     *
     * @param anchor a class of the module's tests
     * @return the test classes found and those surefire would not run
     * @throws IOException when the directory cannot be listed
     */
    public static Scan scan(Class<?> anchor) throws IOException {
        List<String> names = classNames(anchor);
        List<String> testClasses = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(name, false, anchor.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IOException("cannot load " + name, e);
            }
            if (!declaresTests(c)) {
                continue;
            }
            testClasses.add(name);
            String why = whyNotRun(c);
            if (why != null) {
                notRun.add(name + ": " + why);
            }
        }
        return new Scan(List.copyOf(testClasses), List.copyOf(notRun));
    }

    /**
     * The binary names of the classes in the directory of compiled classes that holds {@code anchor}, sorted;
     * module-info and package-info left out.
     *
     * @param anchor a class loaded from that directory
     * @return the class names
     * @throws IOException when the class was not loaded from a directory, or it cannot be listed
     */
    public static List<String> classNames(Class<?> anchor) throws IOException {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("no directory for " + anchor, e);
        }
        if (!Files.isDirectory(root)) {
            throw new IOException(anchor + " was not loaded from a directory of classes but from " + root);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace(root.getFileSystem().getSeparator(), "."))
                    .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
                    .sorted().toList();
        }
    }

    /** Why surefire leaves out a class with test methods, or null when it runs it. */
    private static String whyNotRun(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass()) {
            return "a local or anonymous class: JUnit never finds it";
        }
        Class<?> top = c;
        while (top.getEnclosingClass() != null) {
            if (Modifier.isStatic(top.getModifiers()) || !top.isAnnotationPresent(Nested.class)) {
                return "a nested class that is not a non-static @Nested class: surefire leaves out nested classes"
                        + " and JUnit runs only @Nested ones through their enclosing class";
            }
            top = top.getEnclosingClass();
        }
        if (Modifier.isAbstract(top.getModifiers())) {
            return null; // its tests run in its concrete subclasses, which this scan checks
        }
        if (!SUREFIRE_INCLUDES.matcher(top.getSimpleName()).matches()) {
            return "the name " + top.getSimpleName() + " matches none of surefire's includes " + SUREFIRE_INCLUDES
                    + ": name it ...Test";
        }
        return null;
    }

    /** Whether a class or one of its superclasses declares a test method. */
    private static boolean declaresTests(Class<?> c) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                for (Annotation a : m.getAnnotations()) {
                    if (isTestable(a.annotationType(), new HashSet<>())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isTestable(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (type == Testable.class) {
            return true;
        }
        if (!seen.add(type)) {
            return false;
        }
        for (Annotation meta : type.getAnnotations()) {
            if (isTestable(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }
}
