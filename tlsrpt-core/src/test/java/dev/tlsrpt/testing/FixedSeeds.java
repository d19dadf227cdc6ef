package dev.tlsrpt.testing;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Gives every jqwik property a fixed seed of its own, made from its class and method name, so that a
 * build tries the same values every time and fails only when the code changed. Registered for all
 * properties through {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}: jqwik 1.10 has no
 * setting for a default seed. A property that names its own {@code seed} keeps it. With the system property
 * {@value #SEEDS} set to {@code random} (the {@code fuzz} profile) jqwik picks a new random seed each run,
 * and a failure reports the seed that reproduces it ({@code @Property(seed = "...")}).
 */
public final class FixedSeeds implements AroundPropertyHook {
    /** The system property that asks for new random seeds: {@code random}. */
    public static final String SEEDS = "tlsrpt.jqwik.seeds";

    /** Needed by the service loader. */
    public FixedSeeds() {
    }

    /** Registered for the whole run (on jqwik's engine): it must reach every property below. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        if (!"random".equals(System.getProperty(SEEDS)) && context.attributes().seed().isEmpty()) {
            context.attributes().setSeed(Long.toString(seedOf(context.containerClass().getName() + "#"
                    + context.targetMethod().getName())));
        }
        return property.execute();
    }

    /** A 64-bit FNV-1a hash of the name: the same on every machine and JVM. */
    static long seedOf(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
