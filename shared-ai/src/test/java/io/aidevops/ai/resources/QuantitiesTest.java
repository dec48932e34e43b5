package io.aidevops.ai.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    private static final long MI = Quantities.MEBIBYTE;

    @ParameterizedTest
    @CsvSource({"250, 250m", "2000, 2", "1500, 1500m", "10, 10m", "0, 0"})
    void rendersCpu(long millicores, String quantity) {
        assertThat(Quantities.cpu(millicores)).isEqualTo(quantity);
    }

    @Test
    void rendersMemoryInTheLargestExactBinaryUnit() {
        assertThat(Quantities.memory(384 * MI)).isEqualTo("384Mi");
        assertThat(Quantities.memory(2 * Quantities.GIBIBYTE)).isEqualTo("2Gi");
        assertThat(Quantities.memory(1536 * MI)).isEqualTo("1536Mi");
        assertThat(Quantities.memory(512 * 1024)).isEqualTo("512Ki");
        assertThat(Quantities.memory(1000)).isEqualTo("1000");
        assertThat(Quantities.memory(0)).isEqualTo("0");
    }

    @ParameterizedTest
    @CsvSource({"250m, 250", "0.5, 500", "2, 2000", "1.5, 1500", "0.0001, 1", "100m, 100", "1e-1, 100"})
    void parsesCpu(String quantity, long millicores) {
        assertThat(Quantities.parseCpu(quantity)).isEqualTo(millicores);
    }

    @ParameterizedTest
    @CsvSource({"384Mi, 402653184", "1Gi, 1073741824", "1.5Gi, 1610612736", "500M, 500000000", "129e6, 129000000",
        "1E3, 1000", "64Ki, 65536", "1024, 1024", "2k, 2000"})
    void parsesMemory(String quantity, long bytes) {
        assertThat(Quantities.parseMemory(quantity)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1", "12x", "1.2.3", "Mi"})
    void rejectsWhatIsNotAQuantity(String text) {
        assertThatThrownBy(() -> Quantities.parseMemory(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memory quantity '" + text + "'");
        assertThatThrownBy(() -> Quantities.parseCpu(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpu quantity");
    }

    @Test
    void roundsUpToFriendlySteps() {
        assertThat(Quantities.roundUpCpu(0.25)).isEqualTo(250);
        assertThat(Quantities.roundUpCpu(0.2501)).isEqualTo(260);
        assertThat(Quantities.roundUpCpu(0)).isEqualTo(10);
        assertThat(Quantities.roundUpMemory(1)).isEqualTo(8 * MI);
        assertThat(Quantities.roundUpMemory(200 * MI + 1)).isEqualTo(208 * MI);
        assertThat(Quantities.roundUpMemory(384 * MI)).isEqualTo(384 * MI);
    }

    @Test
    void rejectsUnusableNumbersNamingThem() {
        assertThatThrownBy(() -> Quantities.roundUpCpu(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cores");
        assertThatThrownBy(() -> Quantities.roundUpMemory(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes");
        assertThatThrownBy(() -> Quantities.cpu(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("millicores");
    }

    @Test
    void describesSampleValuesForReasons() {
        assertThat(Quantities.describeCpu(0.3019)).isEqualTo("302m");
        assertThat(Quantities.describeMemory(230.4 * MI)).isEqualTo("230Mi");
        assertThat(Quantities.describeMemory(7.5 * MI)).isEqualTo("7.5Mi");
        assertThat(Quantities.describeMemory(1536.0 * MI)).isEqualTo("1.5Gi");
    }
}
