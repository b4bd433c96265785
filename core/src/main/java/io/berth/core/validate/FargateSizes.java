package io.berth.core.validate;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The task sizes Fargate offers: for each CPU size, the memory sizes it may be paired with.
 * 256 CPU takes 512, 1024 or 2048 MiB (not 1536); 512 takes 1-4 GB; 1024 takes 2-8 GB; 2048 takes
 * 4-16 GB; 4096 takes 8-30 GB, all in 1 GB steps; 8192 takes 16-60 GB in 4 GB steps; 16384 takes
 * 32-120 GB in 8 GB steps. Any other pair is refused.
 */
public final class FargateSizes {

    /** One CPU size and the memory sizes (MiB) it may be paired with. */
    private record CpuSize(int cpu, List<Integer> memoryMiB, String description) {

        static CpuSize stepped(int cpu, int minMiB, int maxMiB, int stepMiB) {
            List<Integer> sizes = IntStream.iterate(minMiB, m -> m <= maxMiB, m -> m + stepMiB).boxed().toList();
            return new CpuSize(cpu, sizes, cpu + " CPU: " + minMiB + "-" + maxMiB + " MiB in steps of " + stepMiB);
        }
    }

    private static final List<CpuSize> SIZES = List.of(
            new CpuSize(256, List.of(512, 1024, 2048), "256 CPU: 512, 1024 or 2048 MiB"),
            CpuSize.stepped(512, 1024, 4096, 1024),
            CpuSize.stepped(1024, 2048, 8192, 1024),
            CpuSize.stepped(2048, 4096, 16384, 1024),
            CpuSize.stepped(4096, 8192, 30720, 1024),
            CpuSize.stepped(8192, 16384, 61440, 4096),
            CpuSize.stepped(16384, 32768, 122880, 8192));

    private FargateSizes() {
    }

    public static boolean isValid(int cpu, int memoryMiB) {
        return size(cpu).map(s -> s.memoryMiB().contains(memoryMiB)).orElse(false);
    }

    /** The memory sizes allowed with {@code cpu}, or every CPU size's when {@code cpu} is not one of them. */
    public static String allowedFor(int cpu) {
        return size(cpu).map(CpuSize::description)
                .orElseGet(() -> SIZES.stream().map(CpuSize::description).collect(Collectors.joining("; ")));
    }

    private static Optional<CpuSize> size(int cpu) {
        return SIZES.stream().filter(s -> s.cpu() == cpu).findFirst();
    }
}
