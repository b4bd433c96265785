package io.berth.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.berth.core.error.EcsException;
import io.berth.core.error.ErrorCode;
import java.math.BigDecimal;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskSizeTest {

    static Stream<Arguments> cpuValues() {
        return Stream.of(
                Arguments.of(Named.of("the smallest task, 128 units", "128"), 128),
                Arguments.of(Named.of("the largest task, 196608 units", "196608"), 196_608),
                Arguments.of(Named.of("one vCPU", "1 vCPU"), 1024),
                Arguments.of(Named.of("one vCPU without a space, lower case", "1vcpu"), 1024),
                Arguments.of(Named.of("half a vCPU", "0.5 vCPU"), 512),
                Arguments.of(Named.of("a quarter vCPU in capitals", "0.25 VCPU"), 256),
                Arguments.of(Named.of("192 vCPUs", "192 vCPU"), 196_608),
                Arguments.of(Named.of("units with surrounding spaces", " 2048 "), 2048));
    }

    @ParameterizedTest(name = "task cpu ''{0}'' is {1} units")
    @MethodSource("cpuValues")
    void cpuIsStoredAsUnits(String cpu, int units) {
        assertThat(TaskSize.cpuUnits(cpu)).isEqualTo(units);
    }

    static Stream<Named<String>> invalidCpu() {
        return Stream.of(
                Named.of("127 units, one below the minimum", "127"),
                Named.of("196609 units, one above the maximum", "196609"),
                Named.of("0.1 vCPU (102.4 units, and too small)", "0.1 vCPU"),
                Named.of("0.3 vCPU, not a whole number of units", "0.3 vCPU"),
                Named.of("193 vCPUs, above the maximum", "193 vCPU"),
                Named.of("a fraction of a unit", "1024.5"),
                Named.of("gigabytes", "1 GB"),
                Named.of("a negative number", "-1024"),
                Named.of("words", "lots"),
                Named.of("an empty string", ""),
                Named.of("a number too large for an int", "99999999999"));
    }

    @ParameterizedTest(name = "task cpu {0} is a client error naming 'cpu'")
    @MethodSource("invalidCpu")
    void invalidCpuIsRejected(String cpu) {
        assertThatThrownBy(() -> TaskSize.cpuUnits(cpu))
                .isInstanceOfSatisfying(EcsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CLIENT_EXCEPTION))
                .hasMessageContaining("'cpu'").hasMessageContaining("'" + cpu + "'");
    }

    static Stream<Arguments> memoryValues() {
        return Stream.of(
                Arguments.of(Named.of("MiB", "2048"), 2048),
                Arguments.of(Named.of("the smallest, 6 MiB", "6"), 6),
                Arguments.of(Named.of("GB without a space", "2GB"), 2048),
                Arguments.of(Named.of("GB with a space", "2 GB"), 2048),
                Arguments.of(Named.of("gb in lower case", "4 gb"), 4096),
                Arguments.of(Named.of("half a GB", "0.5GB"), 512),
                Arguments.of(Named.of("120 GB, Fargate's largest", "120 GB"), 122_880));
    }

    @ParameterizedTest(name = "task memory ''{0}'' is {1} MiB")
    @MethodSource("memoryValues")
    void memoryIsStoredInMiB(String memory, int mib) {
        assertThat(TaskSize.memoryMiB(memory)).isEqualTo(mib);
    }

    static Stream<Named<String>> invalidMemory() {
        return Stream.of(
                Named.of("5 MiB, below what Docker reserves", "5"),
                Named.of("zero", "0"),
                Named.of("terabytes", "2TB"),
                Named.of("a fraction of a MiB", "0.0001GB"),
                Named.of("a negative number", "-512"),
                Named.of("vCPUs", "1 vCPU"),
                Named.of("words", "plenty"));
    }

    @ParameterizedTest(name = "task memory {0} is a client error naming 'memory'")
    @MethodSource("invalidMemory")
    void invalidMemoryIsRejected(String memory) {
        assertThatThrownBy(() -> TaskSize.memoryMiB(memory))
                .isInstanceOfSatisfying(EcsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CLIENT_EXCEPTION))
                .hasMessageContaining("'memory'").hasMessageContaining("'" + memory + "'");
    }

    @Test
    void absentSizesStayAbsent() {
        assertThat(TaskSize.cpuUnits(null)).isNull();
        assertThat(TaskSize.memoryMiB(null)).isNull();
    }

    /** Every unit count in range reads back as itself, and as vCPUs when it is a whole number of quarters. */
    @Test
    void unitsAndVcpusAgreeOverManySeeds() {
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            int units = TaskSize.MIN_CPU + random.nextInt(TaskSize.MAX_CPU - TaskSize.MIN_CPU + 1);
            assertThat(TaskSize.cpuUnits(Integer.toString(units))).as("seed %d", seed).isEqualTo(units);
            int quarters = 1 + random.nextInt(192 * 4);
            String vcpus = new BigDecimal(quarters).divide(BigDecimal.valueOf(4)).toPlainString();
            assertThat(TaskSize.cpuUnits(vcpus + " vCPU")).as("seed %d: %s vCPU", seed, vcpus)
                    .isEqualTo(quarters * 256);
            int gigabytes = 1 + random.nextInt(512);
            assertThat(TaskSize.memoryMiB(gigabytes + "GB")).as("seed %d", seed).isEqualTo(gigabytes * 1024);
        }
    }
}
