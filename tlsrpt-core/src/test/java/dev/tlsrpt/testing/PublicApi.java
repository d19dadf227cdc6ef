package dev.tlsrpt.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * The public API surface of a module, read from its compiled classes: every type a user can name in the
 * exported packages, its kind (record, enum, interface, final, sealed or abstract class) and the public or
 * protected constructors of its classes. Each module's {@code PublicApiTest} compares the surface to a
 * committed text file, {@code src/test/resources/api/public-types.txt}, so that a change to what is published
 * is deliberate: the diff of that file shows it. Public so that every module's tests reach it through core's
 * test-jar.
 */
public final class PublicApi {
    /** The committed surface of the module under test, relative to its base directory (surefire's). */
    public static final Path COMMITTED = Path.of("src", "test", "resources", "api", "public-types.txt");

    /** The module's sources, relative to its base directory. */
    public static final Path SOURCES = Path.of("src", "main", "java");

    private PublicApi() {
    }

    /**
     * Checks the module's published surface: the packages its {@code module-info.java} exports to everyone
     * (one of them {@code anchor}'s), the public types and constructors there equal to the committed list, no
     * class open to subclassing unless listed with its reason, and {@code @since} on every public type.
     *
     * @param anchor a class of the module's main code, in an exported package
     * @param openWithReason class name to why it is abstract or open
     * @throws IOException when the classes, sources or committed list cannot be read
     */
    public static void assertSurface(Class<?> anchor, Map<String, String> openWithReason) throws IOException {
        Set<String> exported = Set.copyOf(exportedPackages(SOURCES.resolve("module-info.java")));
        assertThat(exported).as("packages exported to everyone").contains(anchor.getPackageName());
        List<Class<?>> types = publicTypes(anchor, exported);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(surface(types))
                .as("the public surface; a deliberate change updates %s and CHANGES.md's reviewed list", COMMITTED)
                .containsExactlyElementsOf(committed());
        soft.assertThat(openWithoutReason(types, openWithReason)).as("public classes open to subclassing").isEmpty();
        soft.assertThat(withoutSince(types, SOURCES)).as("public types without @since").isEmpty();
        soft.assertAll();
    }

    /**
     * The surface of some types.
     *
     * @param types the public types
     * @return one line per type, {@code name kind}, and one per public or protected constructor of a class,
     *     {@code name(parameter types)}, sorted
     */
    public static List<String> surface(List<Class<?>> types) {
        List<String> lines = new ArrayList<>();
        for (Class<?> c : types) {
            lines.add(name(c) + " " + kind(c));
            if (!c.isRecord() && !c.isEnum() && !c.isInterface()) {
                for (Constructor<?> k : c.getDeclaredConstructors()) {
                    if (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers())) {
                        lines.add(name(c) + "(" + Arrays.stream(k.getParameterTypes()).map(Class::getSimpleName)
                                .collect(Collectors.joining(", ")) + ")");
                    }
                }
            }
        }
        return lines.stream().sorted().toList();
    }

    /**
     * The public types a user can name (public, and every enclosing type public) in the given packages of the
     * directory of compiled classes that holds {@code anchor}.
     *
     * @param anchor a class of the module's main code
     * @param packages the exported packages
     * @return the types, by name
     * @throws IOException when the directory cannot be listed or a class not loaded
     */
    public static List<Class<?>> publicTypes(Class<?> anchor, Set<String> packages) throws IOException {
        List<Class<?>> types = new ArrayList<>();
        for (String name : TestClasses.classNames(anchor)) {
            if (!packages.contains(name.substring(0, name.lastIndexOf('.')))) {
                continue;
            }
            Class<?> c;
            try {
                c = Class.forName(name, false, anchor.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IOException("cannot load " + name, e);
            }
            if (nameable(c)) {
                types.add(c);
            }
        }
        return types;
    }

    private static boolean nameable(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static String name(Class<?> c) {
        return c.getCanonicalName();
    }

    /**
     * What kind of type it is, as it matters to a user who would extend it.
     *
     * @param c the type
     * @return {@code record}, {@code enum}, {@code annotation}, {@code interface}, {@code sealed interface},
     *     {@code final class}, {@code sealed class}, {@code abstract class} or {@code open class}
     */
    public static String kind(Class<?> c) {
        if (c.isRecord()) {
            return "record";
        }
        if (c.isEnum()) {
            return "enum";
        }
        if (c.isAnnotation()) {
            return "annotation";
        }
        if (c.isInterface()) {
            return c.isSealed() ? "sealed interface" : "interface";
        }
        if (Modifier.isFinal(c.getModifiers())) {
            return "final class";
        }
        if (c.isSealed()) {
            return "sealed class";
        }
        return Modifier.isAbstract(c.getModifiers()) ? "abstract class" : "open class";
    }

    /**
     * The types whose own javadoc comment, in the module's sources, is missing or has no {@code @since}.
     * Members take their type's {@code @since} unless they carry their own (javadoc's rule); javadoc lint
     * already fails the build on a public member without a comment.
     *
     * @param types the public types
     * @param sources the module's {@code src/main/java}
     * @return the types without {@code @since}, with the reason
     * @throws IOException when a source file cannot be read
     */
    public static List<String> withoutSince(List<Class<?>> types, Path sources) throws IOException {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : types) {
            Class<?> top = c;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            Path file = sources.resolve(top.getName().replace('.', '/') + ".java");
            if (!Files.isRegularFile(file)) {
                missing.add(name(c) + ": no source file " + file);
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
                    + "(?:public\\s+|static\\s+|final\\s+|sealed\\s+|abstract\\s+)*"
                    + "(?:class|record|enum|interface|@interface)\\s+" + Pattern.quote(c.getSimpleName()) + "\\b",
                    Pattern.DOTALL).matcher(text);
            if (!m.find()) {
                missing.add(name(c) + ": no javadoc comment on the declaration");
            } else if (!m.group(1).contains("@since")) {
                missing.add(name(c) + ": no @since");
            }
        }
        return missing;
    }

    /**
     * The classes that a user could subclass without the API meaning it: neither final, sealed, a record, an
     * enum nor an interface, and not listed with the reason it is open.
     *
     * @param types the public types
     * @param openWithReason class name to why it is abstract or open
     * @return the names of the classes left open without a reason
     */
    public static List<String> openWithoutReason(List<Class<?>> types, Map<String, String> openWithReason) {
        return types.stream().filter(c -> kind(c).equals("abstract class") || kind(c).equals("open class"))
                .map(PublicApi::name).filter(n -> !openWithReason.containsKey(n)).toList();
    }

    /**
     * The packages a module descriptor exports to everyone (its {@code exports p;} lines; qualified exports
     * left out), read from the source: surefire runs the tests on the class path, where no descriptor is read.
     *
     * @param moduleInfo the module's {@code module-info.java}
     * @return the package names
     * @throws IOException when the file cannot be read
     */
    public static List<String> exportedPackages(Path moduleInfo) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;").matcher(Files.readString(moduleInfo));
        List<String> exported = new ArrayList<>();
        while (m.find()) {
            exported.add(m.group(1));
        }
        return exported;
    }

    /**
     * The committed surface: the lines of the module's {@code src/test/resources/api/public-types.txt} (read as
     * a file, so that core's copy in its test-jar never stands in for another module's), comments
     * ({@code #}) and blank lines left out.
     *
     * @return the lines
     * @throws IOException when the file is missing or cannot be read
     */
    public static List<String> committed() throws IOException {
        return Files.readAllLines(COMMITTED, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
