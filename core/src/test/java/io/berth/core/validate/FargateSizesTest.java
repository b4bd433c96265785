package io.berth.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FargateSizesTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(Named.of("256 CPU with 512 MiB, the smallest task", 256), 512, true),
                Arguments.of(Named.of("256 CPU with 1024 MiB", 256), 1024, true),
                Arguments.of(Named.of("256 CPU with 1536 MiB, not offered", 256), 1536, false),
                Arguments.of(Named.of("256 CPU with 2048 MiB", 256), 2048, true),
                Arguments.of(Named.of("256 CPU with 3072 MiB, above its range", 256), 3072, false),
                Arguments.of(Named.of("512 CPU with 512 MiB, below its range", 512), 512, false),
                Arguments.of(Named.of("512 CPU with 1024 MiB", 512), 1024, true),
                Arguments.of(Named.of("512 CPU with 4096 MiB", 512), 4096, true),
                Arguments.of(Named.of("512 CPU with 5120 MiB, above its range", 512), 5120, false),
                Arguments.of(Named.of("1024 CPU with 1024 MiB, below its range", 1024), 1024, false),
                Arguments.of(Named.of("1024 CPU with 2048 MiB", 1024), 2048, true),
                Arguments.of(Named.of("1024 CPU with 2560 MiB, off the 1 GB steps", 1024), 2560, false),
                Arguments.of(Named.of("1024 CPU with 8192 MiB", 1024), 8192, true),
                Arguments.of(Named.of("1024 CPU with 9216 MiB, above its range", 1024), 9216, false),
                Arguments.of(Named.of("2048 CPU with 4096 MiB", 2048), 4096, true),
                Arguments.of(Named.of("2048 CPU with 16384 MiB", 2048), 16384, true),
                Arguments.of(Named.of("2048 CPU with 17408 MiB, above its range", 2048), 17408, false),
                Arguments.of(Named.of("4096 CPU with 8192 MiB", 4096), 8192, true),
                Arguments.of(Named.of("4096 CPU with 30720 MiB", 4096), 30720, true),
                Arguments.of(Named.of("4096 CPU with 31744 MiB, above its range", 4096), 31744, false),
                Arguments.of(Named.of("8192 CPU with 16384 MiB", 8192), 16384, true),
                Arguments.of(Named.of("8192 CPU with 17408 MiB, off the 4 GB steps", 8192), 17408, false),
                Arguments.of(Named.of("8192 CPU with 20480 MiB", 8192), 20480, true),
                Arguments.of(Named.of("8192 CPU with 61440 MiB", 8192), 61440, true),
                Arguments.of(Named.of("8192 CPU with 65536 MiB, above its range", 8192), 65536, false),
                Arguments.of(Named.of("16384 CPU with 32768 MiB", 16384), 32768, true),
                Arguments.of(Named.of("16384 CPU with 36864 MiB, off the 8 GB steps", 16384), 36864, false),
                Arguments.of(Named.of("16384 CPU with 40960 MiB", 16384), 40960, true),
                Arguments.of(Named.of("16384 CPU with 122880 MiB, the largest task", 16384), 122880, true),
                Arguments.of(Named.of("16384 CPU with 131072 MiB, above its range", 16384), 131072, false),
                Arguments.of(Named.of("128 CPU, not a Fargate size", 128), 512, false),
                Arguments.of(Named.of("3072 CPU, not a Fargate size", 3072), 8192, false));
    }

    @ParameterizedTest(name = "{0}: valid = {2}")
    @MethodSource("pairs")
    void fargateOffersOnlyItsPairs(int cpu, int memory, boolean valid) {
        assertThat(FargateSizes.isValid(cpu, memory)).isEqualTo(valid);
    }

    /** 3 + 4 + 7 + 13 + 23 + 12 + 12 sizes: the published table, counted over every MiB up to 128 GB. */
    @Test
    void thereAre74FargateSizes() {
        int valid = 0;
        for (int cpu : List.of(128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768)) {
            for (int memory = 1; memory <= 131_072; memory++) {
                if (FargateSizes.isValid(cpu, memory)) {
                    valid++;
                }
            }
        }
        assertThat(valid).isEqualTo(74);
    }

    @Test
    void theAllowedMemoryOfACpuSizeIsDescribedForMessages() {
        assertThat(FargateSizes.allowedFor(256)).isEqualTo("256 CPU: 512, 1024 or 2048 MiB");
        assertThat(FargateSizes.allowedFor(8192)).isEqualTo("8192 CPU: 16384-61440 MiB in steps of 4096");
        assertThat(FargateSizes.allowedFor(3072)).contains("256 CPU").contains("16384 CPU");
    }
}
