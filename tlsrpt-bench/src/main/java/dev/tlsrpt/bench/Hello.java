package dev.tlsrpt.bench;

/**
 * The baseline of {@link StartMain}: {@code java Hello}, the least a Java program does. StartMain copies this
 * class file alone into a directory of its own and runs it from there.
 */
public final class Hello {

    private Hello() {
    }

    /**
     * Prints {@code Hello}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("Hello");
    }
}
