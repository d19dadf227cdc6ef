package dev.tlsrpt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.TypeConversionException;

/**
 * An option whose values are an enum's constants written in lower case ({@code --format json},
 * {@code --fail-on warning}): the names for {@code --help} and shell completion, and the conversion, in any
 * case, with an error that lists them.
 */
final class LowerCaseEnum {
    private LowerCaseEnum() {
    }

    /**
     * The constants' names in lower case, in declaration order.
     *
     * @param type the enum
     * @param <E> the enum type
     * @return for example {@code [text, json, csv]}
     */
    static <E extends Enum<E>> List<String> names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(name(e));
        }
        return names;
    }

    /**
     * A constant's name in lower case.
     *
     * @param e the constant
     * @return for example {@code json}
     */
    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant a value names, in any case.
     *
     * @param type the enum
     * @param value the option's value
     * @param <E> the enum type
     * @return the constant
     * @throws TypeConversionException when no constant has that name; the message lists them
     */
    static <E extends Enum<E>> E convert(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", names(type)) + " but was '"
                + Text.safe(value) + "'");
    }
}
