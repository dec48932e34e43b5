package io.aidevops.ai.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The seasons worth trying for a series: the daily and the weekly cycle, in sampling steps, when the sampling is
 * regular, the cycle is a whole number of steps, and there are at least three cycles of data (two to start the
 * seasonal profile, one to judge whether it helps).
 */
public final class Seasonality {

    /** Seconds in a day. */
    public static final long DAY = 86_400;
    /** Seconds in a week. */
    public static final long WEEK = 7 * DAY;
    /** The longest season kept, in steps: a week at 5 minutes. It bounds the memory of one series. */
    public static final int MAX_SEASON = 2016;
    /** The shortest season worth modelling, in steps. */
    public static final int MIN_SEASON = 4;

    private Seasonality() {
    }

    /**
     * Candidate season lengths, shortest first.
     *
     * @param stepSeconds the sampling step
     * @param regular whether the sampling is regular
     * @param points how many points there are to fit on
     * @return season lengths in steps; empty for irregular or short data
     */
    public static List<Integer> candidates(long stepSeconds, boolean regular, int points) {
        List<Integer> seasons = new ArrayList<>();
        if (!regular || stepSeconds <= 0) {
            return seasons;
        }
        for (long cycle : new long[] {DAY, WEEK}) {
            if (cycle % stepSeconds != 0) {
                continue;
            }
            long m = cycle / stepSeconds;
            if (m >= MIN_SEASON && m <= MAX_SEASON && points >= 3 * m) {
                seasons.add((int) m);
            }
        }
        return seasons;
    }

    /** A name for a season length: "daily", "weekly", "none" or "N steps". */
    public static String name(int seasonLength, long stepSeconds) {
        if (seasonLength <= 0) {
            return "none";
        }
        long seconds = seasonLength * stepSeconds;
        if (seconds == DAY) {
            return "daily";
        }
        return seconds == WEEK ? "weekly" : seasonLength + " steps";
    }
}
