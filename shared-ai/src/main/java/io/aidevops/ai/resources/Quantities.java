package io.aidevops.ai.resources;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities: parsing the strings a pod spec holds, rounding recommendations to friendly steps
 * and rendering them back ({@code "250m"}, {@code "384Mi"}).
 *
 * <p>CPU is handled in millicores, memory in bytes, both as {@code long}: the smallest units Kubernetes itself keeps.
 */
public final class Quantities {

    /** One mebibyte (Mi). */
    public static final long MEBIBYTE = 1L << 20;

    /** One gibibyte (Gi). */
    public static final long GIBIBYTE = 1L << 30;

    /** CPU recommendations are multiples of this many millicores: finer steps only churn on the next run. */
    public static final long CPU_STEP_MILLICORES = 10;

    /** Memory recommendations are multiples of this (8 Mi), for the same reason. */
    public static final long MEMORY_STEP_BYTES = 8 * MEBIBYTE;

    // number, then a binary or decimal SI suffix, or a decimal exponent (the quantity grammar of Kubernetes)
    private static final Pattern QUANTITY =
            Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

    private Quantities() {
    }

    /**
     * A CPU quantity in millicores: {@code "250m"} is 250, {@code "0.5"} and {@code "500m"} are 500, {@code "2"} is
     * 2000. Fractions of a millicore round up, as Kubernetes does.
     *
     * @throws IllegalArgumentException if the text is not a non-negative quantity
     */
    public static long parseCpu(String text) {
        return parse("cpu", text).movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * A memory quantity in bytes: {@code "384Mi"}, {@code "1Gi"}, {@code "500M"}, {@code "129e6"}, {@code "1024"}.
     * Fractions of a byte round up.
     *
     * @throws IllegalArgumentException if the text is not a non-negative quantity
     */
    public static long parseMemory(String text) {
        return parse("memory", text).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Millicores as Kubernetes writes them: whole cores as {@code "2"}, everything else as {@code "250m"}. */
    public static String cpu(long millicores) {
        requireNotNegative("millicores", millicores);
        return millicores % 1000 == 0 ? String.valueOf(millicores / 1000) : millicores + "m";
    }

    /** Bytes in the largest binary unit that holds them exactly: {@code "2Gi"}, {@code "384Mi"}, {@code "512Ki"}. */
    public static String memory(long bytes) {
        requireNotNegative("bytes", bytes);
        String[] units = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return String.valueOf(bytes);
    }

    /** Cores rounded up to the next {@link #CPU_STEP_MILLICORES} (never below one step), in millicores. */
    public static long roundUpCpu(double cores) {
        requireUsable("cores", cores);
        return roundUp(cores * 1000, CPU_STEP_MILLICORES);
    }

    /** Bytes rounded up to the next {@link #MEMORY_STEP_BYTES} (never below one step). */
    public static long roundUpMemory(double bytes) {
        requireUsable("bytes", bytes);
        return roundUp(bytes, MEMORY_STEP_BYTES);
    }

    /** Cores for reason texts, to the nearest millicore: {@code "302m"}. */
    static String describeCpu(double cores) {
        return Math.round(cores * 1000) + "m";
    }

    /** Bytes for reason texts: {@code "230Mi"}, {@code "7.5Mi"}, {@code "1.5Gi"}. */
    static String describeMemory(double bytes) {
        double mebibytes = bytes / MEBIBYTE;
        if (Math.abs(mebibytes) >= 1024) {
            return trim(String.format(Locale.ROOT, "%.2f", mebibytes / 1024)) + "Gi";
        }
        return (Math.abs(mebibytes) >= 10 ? String.format(Locale.ROOT, "%.0f", mebibytes)
                : trim(String.format(Locale.ROOT, "%.1f", mebibytes))) + "Mi";
    }

    private static String trim(String decimal) {
        return decimal.contains(".") ? decimal.replaceAll("0+$", "").replaceAll("\\.$", "") : decimal;
    }

    private static long roundUp(double value, long step) {
        // A hair of tolerance so that 0.25 cores (250.00000000000003m after floating point) stays 250m.
        long steps = (long) Math.ceil(value / step - 1e-9);
        return Math.max(1, steps) * step;
    }

    private static BigDecimal parse(String what, String text) {
        Objects.requireNonNull(text, what);
        Matcher matcher = QUANTITY.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(what + " quantity '" + text
                    + "' is not a Kubernetes quantity such as 250m, 0.5, 384Mi or 1Gi");
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(2);
        if (suffix == null) {
            return number;
        }
        return switch (suffix) {
            case "m" -> number.movePointLeft(3);
            case "k" -> number.movePointRight(3);
            case "M" -> number.movePointRight(6);
            case "G" -> number.movePointRight(9);
            case "T" -> number.movePointRight(12);
            case "P" -> number.movePointRight(15);
            case "E" -> number.movePointRight(18);
            case "Ki" -> number.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi" -> number.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi" -> number.multiply(BigDecimal.valueOf(1L << 30));
            case "Ti" -> number.multiply(BigDecimal.valueOf(1L << 40));
            case "Pi" -> number.multiply(BigDecimal.valueOf(1L << 50));
            case "Ei" -> number.multiply(BigDecimal.valueOf(1L << 60));
            default -> number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
        };
    }

    private static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be at least 0, but was " + value);
        }
    }

    private static void requireUsable(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number of at least 0, but was " + value);
        }
    }
}
