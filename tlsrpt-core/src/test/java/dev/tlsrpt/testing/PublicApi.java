package dev.tlsrpt.testing;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
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
import java.util.stream.Stream;

/**
 * The public API surface of a module, read from its compiled classes: every type a user can name in the
 * exported packages, its kind (record, enum, interface, final, sealed or abstract class) and the public or
 * protected constructors of its classes. Each module's {@code PublicApiTest} compares the surface to a
 * committed text file, {@code src/test/resources/api/public-types.txt}, so that a change to what is published
 * is deliberate: the diff of that file shows it. Public so that every module's tests reach it through core's
 * test-jar.
 */
public final class PublicApi {
    private PublicApi() {
    }

    /**
     * The surface of the exported packages in the directory of compiled classes that holds {@code anchor}.
     *
     * @param anchor a class of the module's main code
     * @param packages the exported packages
     * @return one line per public type, {@code name kind}, and one per public or protected constructor of a
     *     class, {@code name(parameter types)}, sorted
     * @throws IOException when the directory cannot be listed
     */
    public static List<String> surface(Class<?> anchor, Set<String> packages) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Class<?> c : publicTypes(anchor, packages)) {
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
     * The public types a user can name (public, and every enclosing type public) in the given packages.
     *
     * @param anchor a class of the module's main code
     * @param packages the exported packages
     * @return the types, by name
     * @throws IOException when the directory cannot be listed
     */
    public static List<Class<?>> publicTypes(Class<?> anchor, Set<String> packages) throws IOException {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("no directory for " + anchor, e);
        }
        if (!Files.isDirectory(root)) {
            throw new IOException(anchor + " was not loaded from a directory of classes but from " + root);
        }
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(root::relativize).map(Path::toString).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length())
                            .replace(root.getFileSystem().getSeparator(), "."))
                    .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
                    .filter(n -> packages.contains(n.substring(0, n.lastIndexOf('.'))))
                    .sorted().toList();
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
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

    /**
     * The name a user writes: the package, then the enclosing types and the type, joined by dots.
     *
     * @param c the type
     * @return its canonical name
     */
    public static String name(Class<?> c) {
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

    /** The committed surface of the module under test, relative to its base directory (surefire's). */
    public static final Path COMMITTED = Path.of("src", "test", "resources", "api", "public-types.txt");
}
