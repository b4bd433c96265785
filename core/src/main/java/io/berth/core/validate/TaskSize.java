package io.berth.core.validate;

import io.berth.core.error.EcsException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task-level {@code cpu} and {@code memory} as ECS accepts them: CPU units ("1024") or vCPUs
 * ("1 vCPU", "0.5 vcpu"), memory in MiB ("2048") or GB ("2GB", "2 GB"). ECS stores both as integer
 * strings, so "0.25 vCPU" is kept as "256" and "0.5 GB" as "512".
 */
public final class TaskSize {

    public static final int MIN_CPU = 128;
    public static final int MAX_CPU = 196_608;
    public static final int CPU_UNITS_PER_VCPU = 1024;
    public static final int MIB_PER_GB = 1024;
    /** Docker 20.10 reserves 6 MiB for any container, so a task smaller than that cannot run one. */
    public static final int MIN_MEMORY_MIB = 6;

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([a-z]*)\\s*");

    private TaskSize() {
    }

    /** CPU units of a task {@code cpu} value; null when none was given. */
    public static Integer cpuUnits(String cpu) {
        if (cpu == null) {
            return null;
        }
        Integer units = scaled(cpu, "vcpu", CPU_UNITS_PER_VCPU);
        if (units == null || units < MIN_CPU || units > MAX_CPU) {
            throw EcsException.client("Invalid 'cpu' setting for task: '" + cpu + "'. Give " + MIN_CPU + " to "
                    + MAX_CPU + " CPU units (for example '1024') or vCPUs (for example '1 vCPU').");
        }
        return units;
    }

    /** MiB of a task {@code memory} value; null when none was given. */
    public static Integer memoryMiB(String memory) {
        if (memory == null) {
            return null;
        }
        Integer mib = scaled(memory, "gb", MIB_PER_GB);
        if (mib == null || mib < MIN_MEMORY_MIB) {
            throw EcsException.client("Invalid 'memory' setting for task: '" + memory + "'. Give at least "
                    + MIN_MEMORY_MIB + " MiB (for example '2048') or GB (for example '2GB').");
        }
        return mib;
    }

    /**
     * The whole number a value stands for: a plain integer as is, or a number followed by
     * {@code unit} times {@code factor}. Null when the text is neither, or is not a whole number
     * of the base unit (0.3 vCPU is 307.2 units).
     */
    private static Integer scaled(String text, String unit, int factor) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String givenUnit = m.group(2);
        if (givenUnit.isEmpty()) {
            if (number.scale() > 0) {
                return null;
            }
        } else if (givenUnit.equals(unit)) {
            number = number.multiply(BigDecimal.valueOf(factor));
        } else {
            return null;
        }
        try {
            return number.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException notWholeOrTooLarge) {
            return null;
        }
    }
}
