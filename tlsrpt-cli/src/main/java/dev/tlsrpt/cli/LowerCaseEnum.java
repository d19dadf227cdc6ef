package dev.tlsrpt.cli;

import static dev.tlsrpt.internal.SenderText.neutralise;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option whose values are an enum's constants written in lower case ({@code --format json},
 * {@code --fail-on warning}): the names for {@code --help} and shell completion, and the conversion, in any
 * case and with white space around the value left out, with an error that lists the names. picocli makes
 * both with a constructor without arguments, so each such enum has a subclass that names it, given as the
 * option's {@code converter} and {@code completionCandidates}.
 *
 * @param <E> the enum type
 */
abstract class LowerCaseEnum<E extends Enum<E>> implements Iterable<String>, ITypeConverter<E> {
    private final Class<E> type;

    /**
     * The names and the conversion of an enum.
     *
     * @param type the enum
     */
    LowerCaseEnum(Class<E> type) {
        this.type = type;
    }

    /** The constants' names in lower case, in declaration order: for example {@code text, json, csv}. */
    @Override
    public Iterator<String> iterator() {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        return names.iterator();
    }

    /**
     * The constant a value names, as {@link #of}.
     *
     * @param value the option's value
     * @return the constant
     * @throws TypeConversionException when no constant has that name; the message lists the names
     */
    @Override
    public E convert(String value) {
        E e = of(type, value);
        if (e == null) {
            throw new TypeConversionException("expected one of " + String.join(", ", this) + " but was '"
                    + neutralise(value) + "'");
        }
        return e;
    }

    /**
     * The constant a value names, in any case, white space around it left out.
     *
     * @param type the enum
     * @param value the option's value
     * @param <T> the enum type
     * @return the constant, or null when none has that name
     */
    static <T extends Enum<T>> @Nullable T of(Class<T> type, String value) {
        String name = value.trim();
        for (T e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }
}
