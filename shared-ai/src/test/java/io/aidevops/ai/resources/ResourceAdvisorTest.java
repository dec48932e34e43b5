package io.aidevops.ai.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResourceAdvisorTest {

    private static final long MI = Quantities.MEBIBYTE;
    private static final Duration EVERY_30S = Duration.ofSeconds(30);
    private static final ResourceSettings CURRENT = ResourceSettings.of("500m", null, "512Mi", "1Gi");

    /**
     * Two pods, 50 samples each, every 30 s (24.5 min). Pooled, CPU takes each of 100m, 102m, ... 298m once and
     * memory each of 200Mi, 201Mi, ... 299Mi once, in a scrambled order (step 37 modulo 100) so there is no trend:
     * p90 CPU = 278.2m, p99 = 296.02m; p95 memory = 294.05Mi, peak 299Mi.
     */
    private static List<PodUsage> steady() {
        List<PodUsage> pods = new ArrayList<>();
        for (int pod = 0; pod < 2; pod++) {
            double[] cpu = new double[50];
            double[] memory = new double[50];
            for (int i = 0; i < 50; i++) {
                int k = ((pod * 50 + i) * 37) % 100;
                cpu[i] = 0.100 + 0.002 * k;
                memory[i] = (200 + k) * MI;
            }
            pods.add(new PodUsage("canary-" + pod, cpu, memory));
        }
        return pods;
    }

    /** Two pods whose memory grows {@code mebibytesPerHour} from 300Mi, with a small wobble; CPU flat at 200m. */
    private static List<PodUsage> leaking(double mebibytesPerHour, int samples) {
        List<PodUsage> pods = new ArrayList<>();
        for (int pod = 0; pod < 2; pod++) {
            double[] cpu = new double[samples];
            double[] memory = new double[samples];
            for (int i = 0; i < samples; i++) {
                double hours = i * 30 / 3600.0;
                cpu[i] = 0.2 + 0.01 * Math.sin(i * 1.3 + pod);
                memory[i] = (300 + pod * 4 + mebibytesPerHour * hours + 2 * Math.sin(i * 1.7 + pod)) * MI;
            }
            pods.add(new PodUsage("canary-" + pod, cpu, memory));
        }
        return pods;
    }

    @Test
    void cpuRequestIsP90WithHeadroomAndNoLimitByDefault() {
        ResourceRecommendation cpu = ResourceAdvisor.recommend(ResourceInput.of(EVERY_30S, steady(), CURRENT, 4))
                .cpu();

        assertThat(cpu.sufficientData()).isTrue();
        assertThat(cpu.usage().p90()).isCloseTo(0.2782, within(1e-9));
        assertThat(cpu.trend().rising()).isFalse();
        // 278.2m x 1.15 = 319.9m, rounded up to 320m
        assertThat(cpu.request().recommendedQuantity()).isEqualTo("320m");
        assertThat(cpu.request().changePercent()).hasValueCloseTo(-36.0, within(1e-9));
        assertThat(cpu.limit().recommended()).isEmpty();
        assertThat(cpu.reasons()).contains("CPU request 320m = p90 278m x 1.15, rounded up to 10m")
                .anyMatch(r -> r.startsWith("no CPU limit: once a container has used its limit within a 100 ms CFS "
                        + "period the kernel throttles it"))
                .contains("CPU request 500m -> 320m (-36 %), limit none (unchanged)");
    }

    @Test
    void cpuLimitCanBeP99TimesAFactor() {
        ResourcePolicy policy = ResourcePolicy.DEFAULT.withCpuLimit(ResourcePolicy.CpuLimit.P99_TIMES_FACTOR, 2);

        ResourceRecommendation cpu = ResourceAdvisor.recommend(ResourceInput.of(EVERY_30S, steady(), CURRENT, 4),
                policy).cpu();

        // 296.02m x 2 = 592m, rounded up to 600m
        assertThat(cpu.limit().recommendedQuantity()).isEqualTo("600m");
        assertThat(cpu.reasons()).anyMatch(r -> r.startsWith("CPU limit 600m = p99 296m x 2: bursts up to that run "
                + "unthrottled"));
    }

    @Test
    void aCurrentCpuLimitNearTheP99IsFlaggedAsThrottling() {
        ResourceSettings tight = ResourceSettings.of("250m", "300m", "512Mi", "1Gi");

        ResourceRecommendation cpu = ResourceAdvisor.recommend(ResourceInput.of(EVERY_30S, steady(), tight, 4)).cpu();

        assertThat(cpu.warnings()).contains(
                "p99 CPU 296m is 99 % of the current 300m limit: the container is probably being throttled");
        assertThat(cpu.limit().describe()).isEqualTo("300m -> none");
    }

    @Test
    void memoryRequestIsP95WithHeadroomAndTheLimitClearsThePeak() {
        ResourceRecommendation memory = ResourceAdvisor.recommend(
                ResourceInput.of(EVERY_30S, steady(), CURRENT, 4)).memory();

        // p95 294.05Mi x 1.15 = 338.2Mi -> 344Mi; peak 299Mi x 1.2 = 358.8Mi -> 360Mi
        assertThat(memory.request().recommendedQuantity()).isEqualTo("344Mi");
        assertThat(memory.limit().recommendedQuantity()).isEqualTo("360Mi");
        assertThat(memory.limit().recommended().getAsLong()).isGreaterThanOrEqualTo((long) memory.usage().max());
        assertThat(memory.reasons()).contains("memory request 344Mi = p95 294Mi x 1.15, rounded up to 8Mi")
                .anyMatch(r -> r.startsWith("memory limit 360Mi = peak 299Mi x 1.2: memory cannot be throttled"))
                .contains("memory request 512Mi -> 344Mi (-33 %), limit 1Gi -> 360Mi (-65 %)");
        assertThat(memory.trend().tested()).isTrue();
        assertThat(memory.trend().rising()).isFalse();
    }

    @Test
    void rarePeaksAboveTheRequestAreExplainedAndMaxBasisCoversThem() {
        double[] memory = new double[100];
        for (int i = 0; i < memory.length; i++) {
            memory[i] = (i % 40 == 39 ? 400 : 200) * MI;
        }
        double[] cpu = new double[100];
        java.util.Arrays.fill(cpu, 0.1);
        ResourceInput input = ResourceInput.of(EVERY_30S, List.of(new PodUsage("canary-0", cpu, memory)), CURRENT, 2);

        ResourceRecommendation byP95 = ResourceAdvisor.recommend(input).memory();
        ResourceRecommendation byPeak = ResourceAdvisor.recommend(input,
                ResourcePolicy.DEFAULT.withMemoryRequestBasis(ResourcePolicy.MemoryBasis.MAX)).memory();

        // p95 200Mi x 1.15 = 230Mi -> 232Mi; peak 400Mi x 1.15 = 460Mi -> 464Mi; limit 400Mi x 1.2 = 480Mi
        assertThat(byP95.request().recommendedQuantity()).isEqualTo("232Mi");
        assertThat(byP95.reasons()).anyMatch(r -> r.startsWith("peaks up to 400Mi exceed the request"));
        assertThat(byPeak.request().recommendedQuantity()).isEqualTo("464Mi");
        assertThat(byPeak.limit().recommendedQuantity()).isEqualTo("480Mi");
    }

    @Test
    void aMemoryLeakRaisesTheLimitBeyondAnHourOfGrowthAndWarns() {
        ResourceSettings current = ResourceSettings.of("250m", null, "256Mi", "384Mi");

        ResourceRecommendation memory = ResourceAdvisor.recommend(
                ResourceInput.of(EVERY_30S, leaking(120, 60), current, 3)).memory();

        Trend trend = memory.trend();
        assertThat(trend.rising()).isTrue();
        assertThat(trend.slopePerHour() / MI).isCloseTo(120, within(3.0));
        assertThat(trend.pValue()).isLessThan(0.001);
        long limit = memory.limit().recommended().getAsLong();
        double projected = memory.usage().max() + trend.slopePerHour();
        assertThat((double) limit).isGreaterThanOrEqualTo(projected);
        // The trend would need at least an hour to reach the recommended limit.
        assertThat((limit - memory.usage().max()) / trend.slopePerHour()).isGreaterThanOrEqualTo(1.0);
        assertThat(memory.reasons()).anyMatch(r -> r.matches("at 1\\d\\dMi/h the peak \\d+Mi would reach the \\d+Mi "
                + "limit within 60 min: limit raised to " + Quantities.memory(limit) + " \\(peak \\+ 60 min of growth\\)"));
        assertThat(memory.warnings()).anyMatch(w -> w.matches("memory usage grows 1\\d\\dMi/h \\(p < 0.001\\) over the "
                + "29.5 min window: a possible leak; a higher limit only postpones the OOM kill"))
                .anyMatch(w -> w.matches("at 1\\d\\dMi/h the current 384Mi limit is reached in 1\\d min"));
    }

    @Test
    void aMildLeakIsWarnedAboutEvenWhenThePeakFactorAlreadyCoversIt() {
        ResourceRecommendation memory = ResourceAdvisor.recommend(
                ResourceInput.of(EVERY_30S, leaking(30, 60), CURRENT, 3)).memory();

        assertThat(memory.trend().rising()).isTrue();
        assertThat(memory.reasons()).noneMatch(r -> r.contains("limit raised"));
        assertThat((memory.limit().recommended().getAsLong() - memory.usage().max()) / memory.trend().slopePerHour())
                .isGreaterThanOrEqualTo(1.0);
        assertThat(memory.warnings()).anyMatch(w -> w.contains("a possible leak"));
    }

    @Test
    void flatUsageWithNoiseIsNoTrend() {
        ResourceAdvice advice = ResourceAdvisor.recommend(ResourceInput.of(EVERY_30S, leaking(0, 60), CURRENT, 3));

        assertThat(advice.memory().trend().tested()).isTrue();
        assertThat(advice.memory().trend().rising()).isFalse();
        assertThat(advice.cpu().trend().rising()).isFalse();
        assertThat(advice.allWarnings()).isEmpty();
        assertThat(advice.memory().reasons()).anyMatch(r -> r.startsWith("no relevant upward memory trend ("));
    }

    @Test
    void risingCpuIsWarnedAboutAndRaisesACpuLimit() {
        double[] cpu = new double[60];
        double[] memory = new double[60];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = 0.1 + 0.004 * i + 0.002 * Math.sin(i);
            memory[i] = 100 * MI;
        }
        ResourceInput input = ResourceInput.of(EVERY_30S, List.of(new PodUsage("canary-0", cpu, memory)), CURRENT, 1);

        ResourceRecommendation advice = ResourceAdvisor.recommend(input,
                ResourcePolicy.DEFAULT.withCpuLimit(ResourcePolicy.CpuLimit.P99_TIMES_FACTOR, 1)).cpu();

        assertThat(advice.trend().rising()).isTrue();
        assertThat(advice.warnings()).anyMatch(w -> w.startsWith("CPU usage grows 480m/h (p < 0.001)"));
        assertThat(advice.limit().recommended().getAsLong() / 1000.0)
                .isGreaterThanOrEqualTo(advice.usage().max() + advice.trend().slopePerHour());
    }

    @Test
    void tooFewSamplesKeepTheCurrentValues() {
        List<PodUsage> pods = List.of(new PodUsage("canary-0", new double[12], new double[12]));

        ResourceAdvice advice = ResourceAdvisor.recommend(ResourceInput.of(EVERY_30S, pods, CURRENT, 4));

        assertThat(advice.cpu().sufficientData()).isFalse();
        assertThat(advice.cpu().request().changed()).isFalse();
        assertThat(advice.cpu().request().recommendedQuantity()).isEqualTo("500m");
        assertThat(advice.cpu().reasons()).containsExactly("only 12 CPU samples over 5.5 min (at least 30 over 10 min "
                + "needed): too few to recommend, keeping request 500m and limit none");
        assertThat(advice.memory().limit().recommendedQuantity()).isEqualTo("1Gi");
        assertThat(advice.savings().cpuMillicoresTotal()).isZero();
        assertThat(advice.reasons()).contains("no current request with enough data to compare: no savings estimate");
    }

    @Test
    void manySamplesOverTooShortAWindowAreStillTooFew() {
        List<PodUsage> pods = new ArrayList<>();
        for (int pod = 0; pod < 10; pod++) {
            pods.add(new PodUsage("canary-" + pod, new double[] {0.1, 0.1, 0.1, 0.1, 0.1},
                    new double[] {MI, MI, MI, MI, MI}));
        }

        ResourceRecommendation memory = ResourceAdvisor.recommend(ResourceInput.of(EVERY_30S, pods, CURRENT, 4))
                .memory();

        assertThat(memory.usage().samples()).isEqualTo(50);
        assertThat(memory.sufficientData()).isFalse();
        assertThat(memory.reasons()).singleElement().asString().startsWith("only 50 memory samples over 2 min");
    }

    @Test
    void savingsCountTheRequestChangeAcrossReplicas() {
        ResourceAdvice advice = ResourceAdvisor.recommend(ResourceInput.of(EVERY_30S, steady(), CURRENT, 4));

        // CPU 500m -> 320m, memory 512Mi -> 344Mi per pod
        assertThat(advice.savings().cpuMillicoresPerPod()).isEqualTo(180);
        assertThat(advice.savings().memoryBytesTotal()).isEqualTo(4 * 168 * MI);
        assertThat(advice.reasons()).contains("across 4 replicas the new requests free 720m CPU and 672Mi memory");
    }

    @Test
    void withoutCurrentSettingsThereIsNothingToCompare() {
        ResourceAdvice advice = ResourceAdvisor.recommend(
                ResourceInput.of(EVERY_30S, steady(), ResourceSettings.NONE, 4));

        assertThat(advice.cpu().request().changePercent()).isEmpty();
        assertThat(advice.cpu().request().describe()).isEqualTo("none -> 320m");
        assertThat(advice.savings()).isEqualTo(new Savings(0, 0, 4));
        assertThat(advice.reasons()).contains("no current request with enough data to compare: no savings estimate");
    }

    @Test
    void aCanaryHungrierThanItsBaselineIsWarnedAbout() {
        List<PodUsage> baseline = new ArrayList<>();
        for (PodUsage pod : steady()) {
            double[] cpu = pod.cpuCores().clone();
            for (int i = 0; i < cpu.length; i++) {
                cpu[i] = cpu[i] / 1.5;
            }
            baseline.add(new PodUsage("baseline-" + pod.pod(), cpu, pod.memoryBytes()));
        }

        ResourceAdvice advice = ResourceAdvisor.recommend(
                new ResourceInput(EVERY_30S, steady(), baseline, CURRENT, 4));

        assertThat(advice.reasons()).contains("canary p90 CPU 278m vs baseline 185m (+50 %)")
                .contains("canary p95 memory 294Mi vs baseline 294Mi (+0 %)");
        assertThat(advice.warnings()).singleElement().asString()
                .startsWith("the canary uses 50 % more CPU than the baseline (p90)");
    }

    @Test
    void changesDescribeThemselvesAsQuantities() {
        Change change = new Change(ResourceKind.MEMORY, OptionalLong.of(512 * MI), OptionalLong.of(384 * MI));

        assertThat(change.describe()).isEqualTo("512Mi -> 384Mi (-25 %)");
        assertThat(new Change(ResourceKind.CPU, OptionalLong.of(250), OptionalLong.of(250)).describe())
                .isEqualTo("250m (unchanged)");
        assertThat(new Change(ResourceKind.CPU, OptionalLong.of(0), OptionalLong.of(250)).changePercent()).isEmpty();
    }

    @Test
    void rejectsBadInputNamingTheField() {
        assertThatThrownBy(() -> new PodUsage("canary-1", new double[] {0.1, 0.2, 0.3, Double.NaN}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpuCores[3] of pod canary-1 is NaN");
        assertThatThrownBy(() -> new PodUsage("canary-1", new double[0], new double[] {-1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryBytes[0]");
        assertThatThrownBy(() -> new PodUsage("canary-1", new double[] {Double.POSITIVE_INFINITY}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpuCores[0]");
        assertThatThrownBy(() -> ResourceInput.of(EVERY_30S, steady(), CURRENT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicas");
        assertThatThrownBy(() -> ResourceInput.of(EVERY_30S, List.of(), CURRENT, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canary");
        assertThatThrownBy(() -> ResourceInput.of(Duration.ZERO, steady(), CURRENT, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampleInterval");
        assertThatThrownBy(() -> new ResourcePolicy(1.15, ResourcePolicy.CpuLimit.NONE, 2, ResourcePolicy.MemoryBasis.P95,
                1.15, 1.1, 30, Duration.ofMinutes(10), 0.01, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memoryLimitFactor");
        assertThatThrownBy(() -> new ResourcePolicy(Double.NaN, ResourcePolicy.CpuLimit.NONE, 2,
                ResourcePolicy.MemoryBasis.P95, 1.15, 1.2, 30, Duration.ofMinutes(10), 0.01, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpuRequestHeadroom");
        assertThatThrownBy(() -> ResourcePolicy.DEFAULT.withMinimum(2, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minSamples");
        assertThatThrownBy(() -> ResourceSettings.of("500m", "250m", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu limit");
        assertThatThrownBy(() -> new ResourceSettings(OptionalLong.of(-1), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cpuRequestMillicores");
    }
}
