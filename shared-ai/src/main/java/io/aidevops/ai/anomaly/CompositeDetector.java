package io.aidevops.ai.anomaly;

/**
 * The suite's default streaming detector: four cheap views of a series, each calibrated against the series' own
 * history, combined by taking the strongest, with a cool-down after every alarm.
 *
 * <ul>
 *   <li><b>record</b>: the value lies beyond everything seen so far, by at least {@value #RECORD_SHARE} of that
 *       range below it or {@value #RECORD_HIGH_SHARE} above it. The most telling view on NAB (92 of its 122 alarm
 *       rows there fell inside anomaly windows).</li>
 *   <li><b>spike</b>: the robust z of the point against a running mean plus hour-of-day offset, divided by a
 *       threshold that follows the series' tail ({@value #SPIKE_TAIL_RATIO} x its running 99th percentile of z, at
 *       least {@value #SPIKE_MIN}, and {@value #HOUR_PEAK_RATIO} x the largest z seen at that hour of day, decaying).
 *       Catches outliers inside the range seen that the series does not make at that hour anyway.</li>
 *   <li><b>deviation</b>: the anomaly likelihood (recent average against its own history) of the robust z. Catches
 *       level shifts, trend changes and variance increases within a few points.</li>
 *   <li><b>novelty</b>: the anomaly likelihood of "the last four points make a shape never seen" (quantised over
 *       the range seen so far). Catches changes of shape and flat-lining.</li>
 * </ul>
 *
 * <p>Each view yields a ratio r = statistic / its alarm level; the score is r / (1 + r) of the largest, so 0.5 means
 * "some view reached its alarm level", which is {@link #THRESHOLD}. For the first {@value #WARM_UP} points the
 * detector only learns and scores 0 (NAB leaves at least 168 points unscored in every file). After a score of at
 * least 0.5 the next {@value #COOL_DOWN} points are halved (below 0.5) unless one reaches
 * {@value CoolDown#BREAK_THROUGH} and beats the alarm: an escalation. The two slow views also have a hold of their
 * own ({@link ViewHold}): after reaching its level the deviation view is kept below it for {@value #DEVIATION_HOLD}
 * points and the novelty view for {@value #NOVELTY_HOLD}, since both stay elevated while their history absorbs a new
 * regime.
 *
 * <p>Scaling is online only: no global minimum, maximum or length of the series is known or used; the range is the
 * range seen so far. The constants were tuned on the NAB corpus (as every NAB entry tunes on it); see the module
 * README for the figures.
 *
 * <p>State per series: this object, ten small helper objects, a 512-byte bit set, 48 floats and 24 bytes: 1,216
 * bytes measured with JOL. Scoring allocates nothing; {@link #lastEvidence()} allocates one record when called.
 */
public final class CompositeDetector implements StreamingDetector {

    /** The score at or above which the product alarms; also where the cool-down starts. */
    public static final double THRESHOLD = 0.5;
    /** Points learnt before anything is scored. */
    static final int WARM_UP = 150;
    /** Points held quiet after an alarm: 110-140 were best on NAB; 50, 75, 250, 600, and 8-24 h in time, worse. */
    static final int COOL_DOWN = 120;
    /** A spike needs a robust z of at least this much... */
    static final double SPIKE_MIN = 20;
    /** ...and of this many times the series' usual 99th percentile, so heavy-tailed series do not alarm on routine. */
    static final double SPIKE_TAIL_RATIO = 3;
    /**
     * A spike scores at most 0.6: it is the least precise view (about one alarm in six fell inside a NAB window),
     * so it must not outrank a record or set a high bar for the escalation of one that follows.
     */
    private static final double SPIKE_CAP = 1.5;
    private static final double TAIL_P = 0.99;
    /** A quick-moving tail estimate: it learns a new burst regime within a few dozen points. */
    private static final double TAIL_STEP = 0.03;
    /** Likelihood z of the recent robust z at which the deviation view alarms. */
    static final double DEVIATION_Z = 4.5;
    /** Likelihood z of the recent unseen-pattern rate at which the novelty view alarms. */
    static final double NOVELTY_Z = 4;
    /**
     * A value beyond everything seen so far by this share of the range seen alarms. New extremes are the strongest
     * single signal on NAB: adding this view raised the standard score from 59.8 to 67.3 (0.007-0.015 all alike).
     */
    static final double RECORD_SHARE = 0.01;
    /**
     * A new high needs to pass the range by this share. Metrics are bursty upwards, so their running maximum grows in
     * small steps that are no news; new lows are rarer. On NAB, with the view holds: 1 % both ways 69.9 standard,
     * 2-3 % for highs 70.1-70.3, 3.5-8 % 69.5-69.7; a larger share for lows (3 %) cost 2.7 points.
     */
    static final double RECORD_HIGH_SHARE = 0.025;
    private static final double DEVIATION_FLOOR = 0.05;
    /**
     * One rare value makes up to four unseen patterns in a row; a floor of 0.1 keeps that from alarming on plain
     * noise (with 0.05 the detector alarmed every few hundred points of Gaussian noise).
     */
    private static final double NOVELTY_FLOOR = 0.1;
    /** The deviation view sees robust z up to this much: beyond it the spike view speaks. */
    private static final double DEVIATION_CAP = 10;
    /**
     * After the deviation view alarms it stays quiet this long: its ~500-point history takes about that long to
     * absorb a new level, and most of its false alarms on NAB (55 of 66) were re-alarms after an anomaly window.
     * Standard score 68.8 to 69.7 on NAB; 450-700 did alike, 300 and 1,000 less well.
     */
    static final int DEVIATION_HOLD = 600;
    /**
     * After the novelty view alarms it stays quiet this long: a new regime keeps making unseen patterns for a while.
     * With the deviation hold, standard 69.7 to 69.9 on NAB; 600-2,000 did alike, 5,000 and "once per series" worse.
     */
    static final int NOVELTY_HOLD = 1200;

    /**
     * A spike must also pass the largest robust z seen at the same hour of day (after the warm-up) times this much:
     * a burst as tall as one the series makes at that hour anyway is routine (nightly jobs, daily peaks). On NAB
     * 70.3 to 72.5 standard; 1.0-1.2 scored 71.9-72.7, 0.9 71.6; an hour-of-week peak 70.8, one peak for all hours
     * 68.9-69.8.
     */
    static final double HOUR_PEAK_RATIO = 1.1;
    /**
     * Each hour's peak decays by this factor per point seen at that hour (about 1,000 visits of memory: 83 days at
     * 5-minute spacing). On NAB 0.998-1 alike (71.9-72.6), 0.99 clearly worse.
     */
    private static final float HOUR_PEAK_DECAY = 0.999f;

    private final PatternNovelty novelty = new PatternNovelty();
    private final RobustBaseline baseline = new RobustBaseline();
    private final AnomalyLikelihood deviation = new AnomalyLikelihood(DEVIATION_FLOOR);
    private final AnomalyLikelihood unseen = new AnomalyLikelihood(NOVELTY_FLOOR);
    private final TailQuantile tail = new TailQuantile(TAIL_P, TAIL_STEP, 1);
    private final CoolDown coolDown = new CoolDown(COOL_DOWN);
    private final ViewHold deviationHold = new ViewHold(DEVIATION_HOLD);
    private final ViewHold noveltyHold = new ViewHold(NOVELTY_HOLD);
    /** The largest robust z seen at each hour of day, decaying. */
    private final float[] hourPeak = new float[DailyProfile.HOURS];
    private long points;

    /** Whether upward spikes count; drops always do. */
    private final boolean spikes;
    private Evidence.Component component = Evidence.Component.NONE;
    private double statistic;
    private double threshold;

    /** The default: all four views. */
    public CompositeDetector() {
        this(true);
    }

    private CompositeDetector(boolean spikes) {
        this.spikes = spikes;
    }

    /**
     * The detector whose spike view sees drops only. An upward spike inside the range seen so far is a height the
     * series has reached before, and on NAB such spikes were mostly false alarms (series are bursty upwards); a drop
     * far below the expected level is rarer news. About half the false-alarm rows of the default for a few windows
     * fewer: better under the low-false-positive profile and a quieter pager. It beat the variant with no spike view
     * at all on all three NAB profiles (standard 69.9 against 69.1, low FP 64.6 against 63.8, low FN 73.6 against
     * 72.8).
     */
    public static CompositeDetector quiet() {
        return new CompositeDetector(false);
    }

    @Override
    public double score(long epochSeconds, double value) {
        StreamingDetector.requireFinite(value);
        points++;
        double beyond = novelty.beyondRange(value);
        double recordShare = novelty.aboveRange(value) ? RECORD_HIGH_SHARE : RECORD_SHARE;
        boolean novel = novelty.observe(value);
        double signedZ = baseline.zThenLearn(epochSeconds, value, novelty.range());
        double z = Math.abs(signedZ);
        if (points == 1) {
            return 0;
        }
        double deviationZ = deviation.next(Math.min(z, DEVIATION_CAP));
        double noveltyZ = unseen.next(novel ? 1 : 0);
        double spikeLevel = Math.max(SPIKE_MIN, SPIKE_TAIL_RATIO * tail.value());
        tail.learn(z);
        if (points <= WARM_UP) {
            component = Evidence.Component.NONE;
            return 0;
        }
        int hour = DailyProfile.hour(epochSeconds);
        spikeLevel = Math.max(spikeLevel, HOUR_PEAK_RATIO * hourPeak[hour]);
        hourPeak[hour] = (float) Math.max(hourPeak[hour] * HOUR_PEAK_DECAY, z);
        double spikeRatio = spikes || signedZ < 0 ? Math.min(z / spikeLevel, SPIKE_CAP) : 0;
        double deviationRatio = deviationHold.apply(deviationZ / DEVIATION_Z);
        double noveltyRatio = noveltyHold.apply(noveltyZ / NOVELTY_Z);
        double recordRatio = beyond / recordShare;
        // The view furthest past its own alarm level sets the score...
        double ratio = Math.max(Math.max(spikeRatio, deviationRatio), Math.max(noveltyRatio, recordRatio));
        // ...but the most specific view that alarms explains it: one outlier also lifts the recent average of z,
        // and "spike" says more than "deviation" about it.
        if (recordRatio >= 1 || recordRatio == ratio) {
            explain(Evidence.Component.RECORD, beyond, recordShare);
        } else if (spikeRatio >= 1 || spikeRatio == ratio && spikeRatio > 0) {
            explain(Evidence.Component.SPIKE, z, spikeLevel);
        } else if (deviationRatio >= 1 || deviationRatio == ratio) {
            explain(Evidence.Component.DEVIATION, deviationZ, DEVIATION_Z);
        } else {
            explain(Evidence.Component.NOVELTY, noveltyZ, NOVELTY_Z);
        }
        ratio = Math.max(0, ratio);
        return coolDown.apply(ratio / (1 + ratio), THRESHOLD);
    }

    private void explain(Evidence.Component component, double statistic, double threshold) {
        this.component = component;
        this.statistic = statistic;
        this.threshold = threshold;
    }

    /**
     * {@inheritDoc}
     *
     * <p>During a cool-down the evidence still describes the point (a view may show as alarming); the score says
     * whether the point alarmed.
     */
    @Override
    public Evidence lastEvidence() {
        return component == Evidence.Component.NONE ? Evidence.NONE
                : new Evidence(component, statistic, threshold);
    }
}
