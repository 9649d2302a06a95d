package io.grantsmith.server.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * A fair share of the server for each sender, without holding threads. Senders are services at {@code /api} and
 * clients of a service at {@code /as}. Of a budget of requests in process at once, each sender with a request in
 * process or waiting gets an equal share (the whole budget when alone, half of it when two are busy, never less than
 * one request). A sender's excess waits in a bounded first-in-first-out queue of its own, holding its connection but
 * no thread, and takes the slot of the sender's next request to finish. A sender flooding the server therefore
 * waits behind itself only: another sender's request never queues behind it, and the cores go to senders in equal
 * shares rather than in proportion to how many connections each opened.
 *
 * <p>Why the share shrinks as senders appear: on a busy machine a request's latency grows with the number of
 * requests in process, so a sender's throughput is its share of the requests in process. A flooding sender always
 * fills whatever it is allowed; only a share no larger than the others' keeps their throughput.
 *
 * <p>Equal shares of requests are not equal shares of CPU: a sender whose requests are all CPU (refusals of
 * large bodies parsed in full) keeps the cores busy with the same number of requests in process as a sender whose
 * requests wait for the store part of the time, and everyone else's requests then wait for a core at each step.
 * With {@link CpuPacing}, each sender's requests are charged the CPU time their threads used, and while the machine's
 * CPU is saturated and other senders are busy, a sender may use only an equal part of the CPU that the senders'
 * requests have been using lately beyond a short burst: for each moment it is busy it earns
 * {@code recent use / senders busy at that moment} (half while one other is busy beside it, all while alone, so that
 * a light sender busy for a moment now and then does not halve a busy sender's part for the whole time); once it
 * has used more than it earned, its next requests wait (no thread held) until its part has caught up. A sender
 * alone is never paced, nor one that stays within its part, nor anyone while the machine has CPU to spare (saturated
 * from when the load, smoothed over the windows with each weighted by its length, reaches the saturation until it
 * is {@link CpuPacing#HYSTERESIS} below it, so that one noisy reading neither forgives every debt nor starts
 * pacing). The part is of what the senders actually got, not of the nominal cores, because what holds the others
 * back is a flood's share of the CPU the server gets (on a shared machine, or with its own costs beyond request
 * threads: the collector, the selector, the writer).
 *
 * <p>A request whose work is done and that only waits for its token's commit uses no CPU and holds no thread: it gives
 * its slot to its sender's next request and awaits the commit ({@link #awaitStage}). What it still holds is a write
 * in the store's queue, so the requests awaiting their stage are bounded too, by a stage budget of
 * {@link #STAGE_BUDGET_FACTOR} times the budget that the busy senders share equally in the same way: a flood
 * cannot fill the writer's queue, and each sender's commits are not capped at its share of slots.
 *
 * <p>Senders without a request in process or waiting take no memory: their lane is dropped once empty, so that
 * senders named by strangers (client IDs) cannot grow the table beyond the requests in flight.
 */
final class SenderGate {
    /**
     * Requests awaiting their stage (a token's commit) that the busy senders share, as a multiple of the budget: a
     * request that waits for its commit uses no CPU and holds no thread, and only this bounds how many of a sender's
     * writes may be queued for the store ({@link #awaitStage}).
     */
    static final int STAGE_BUDGET_FACTOR = 8;
    /** Requests of one sender that may wait at once; more are refused at once (each is a connection anyway). */
    static final int QUEUE_PER_SENDER = 1024;
    /** How long a request may wait for its turn before it is refused as busy. */
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    /** A request waiting for its turn. */
    interface Waiter {
        /** It has its turn now (called once, on the thread of the request that gave the slot up). */
        void admit();
    }

    enum Entry {
        /** The request has a slot: it must {@link #leave} once done. */
        ENTERED,
        /** The request waits: {@link Waiter#admit} will be called, unless {@link #withdraw} takes it back first. */
        QUEUED,
        /** The sender's queue is full: the request is refused, nothing to give back. */
        FULL
    }

    /**
     * Charges each sender the CPU its requests used and holds back one that used more than its part while others
     * were busy and the machine's CPU was saturated.
     *
     * @param burst       CPU time a sender may use beyond its part before it waits (a burst of a few requests)
     * @param saturation  the machine's smoothed CPU load from which senders are paced: above {@link #HYSTERESIS},
     *                    at most 1
     * @param machineLoad the machine's recent CPU load, 0 to 1 (negative when unknown: then never paced)
     * @param clock       wall-clock nanoseconds
     * @param deferral    runs a task later (the timer that lets a held-back sender's requests in again)
     */
    record CpuPacing(Duration burst, double saturation, DoubleSupplier machineLoad, LongSupplier clock,
            Deferral deferral) {
        /** A few cheap requests' worth, or one that parses a large body. */
        static final Duration DEFAULT_BURST = Duration.ofMillis(20);
        /** Below this the machine has CPU to spare and pacing would only leave it idle. */
        static final double DEFAULT_SATURATION = 0.9;
        /**
         * Once its smoothed load reached the saturation, the machine counts as saturated until the smoothed load is this
         * far below it:
         * a 100 ms reading of a saturated machine dips below it now and then (the clock ticks of two cores in 100 ms
         * are 20), and each dip would end every sender's debt at once.
         */
        static final double HYSTERESIS = 0.1;
        /**
         * The weight of a 100 ms window's load in the smoothed load; a longer window weighs as that many 100 ms
         * windows in a row (windows close only when a request is charged, so after a quiet spell one reading covers
         * the whole spell). About half a second's memory, whatever the windows' lengths.
         */
        static final double LOAD_SMOOTHING = 0.25;
        /** How often the senders' recent CPU use and the machine's load are brought up to date. */
        static final long WINDOW_NANOS = Duration.ofMillis(100).toNanos();
        /** The longest pause before a held-back sender's credit is looked at again. */
        static final long MAX_PAUSE_NANOS = Duration.ofMillis(100).toNanos();
        static final long MIN_PAUSE_NANOS = Duration.ofMillis(1).toNanos();

        CpuPacing {
            // at or below the hysteresis the smoothed load could never fall below saturation - HYSTERESIS: saturated
            // for good once saturated
            if (burst.isNegative() || saturation <= HYSTERESIS || saturation > 1) {
                throw new IllegalArgumentException("the burst must not be negative, the saturation above "
                        + HYSTERESIS + " (the hysteresis) and at most 1");
            }
        }
    }

    /**
     * While no sender can be paced, the edge measures the CPU time of one request run in this many, picked at random,
     * and charges it this many times over ({@link #cpuWeight}).
     */
    static final int CPU_SAMPLE = 8;

    /** Runs a task after a delay, on a thread of its own (Jetty's scheduler in the server). */
    interface Deferral {
        void after(long delayNanos, Runnable task);
    }

    private static final class Lane {
        int inProcess;
        /** Requests that gave their slot up to wait for a stage ({@link #awaitStage}), until they leave. */
        int awaitingStage;
        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
        /** CPU nanoseconds the sender may still use now; negative when it used more than its part. */
        long credit;
        /** The {@linkplain #fairShareClock fair-share clock} when {@link #credit} was last brought up to date. */
        double creditedAtShare;
        /** Its requests wait for its credit to recover; a timer ends the pause. */
        boolean paused;

        boolean isIdle() {
            return inProcess == 0 && awaitingStage == 0 && waiting.isEmpty();
        }
    }

    private final int budget;
    private final int maxQueued;
    private final CpuPacing pacing;
    private final ConcurrentHashMap<Object, Lane> lanes = new ConcurrentHashMap<>();
    /** The senders' CPU use of the current window, and when it began (guarded by {@code this}). */
    private long windowCpu;
    private long windowStart;
    /** CPU nanoseconds per wall-clock nanosecond the senders' requests used lately (an average of windows). */
    private volatile double recentUse;
    private volatile boolean saturated;
    /** The machine's load over the last windows, weighted towards the latest (negative before the first reading). */
    private double smoothedLoad = -1;
    /**
     * The most senders busy at once in the last window, and so far in this one: a sender whose requests come one
     * after another leaves the table between them for a moment, and a flood alone in that moment is not alone.
     */
    private volatile int recentBusy;
    private int windowBusy;
    /**
     * CPU nanoseconds each busy sender has been entitled to so far: it advances at the senders' recent use divided
     * by the senders busy at the time, so that a sender earns half while one other is busy beside it, and all of it
     * while alone; a lane earns its difference over the time it exists, that is, while its sender is busy (guarded
     * by {@code this}).
     */
    private double fairShareClock;
    private long fairShareClockAt;

    /**
     * @param budget requests in process at once that the senders busy at the moment share equally
     */
    SenderGate(int budget) {
        this(budget, QUEUE_PER_SENDER);
    }

    SenderGate(int budget, int maxQueued) {
        this(budget, maxQueued, null);
    }

    /**
     * @param pacing how senders' CPU use is paced; null for equal shares of requests only
     */
    SenderGate(int budget, int maxQueued, CpuPacing pacing) {
        if (budget < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("the budget must allow at least one request in process");
        }
        this.budget = budget;
        this.maxQueued = maxQueued;
        this.pacing = pacing;
        this.windowStart = pacing == null ? 0 : pacing.clock().getAsLong();
        this.fairShareClockAt = windowStart;
    }

    /** The automatic budget: four requests per processor, at least eight. */
    static int automaticBudget() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    int budget() {
        return budget;
    }

    /** What each busy sender may have awaiting its stage now: an equal part of the stage budget, at least one. */
    private int stageShare(int busySenders) {
        return Math.max(1, budget * STAGE_BUDGET_FACTOR / Math.max(1, busySenders));
    }

    /** What each busy sender may have in process now: an equal part of the budget, at least one request. */
    private int share(int busySenders) {
        return Math.max(1, budget / Math.max(1, busySenders));
    }

    /** Takes a slot of {@code sender} for a request, or queues {@code waiter} for one. */
    Entry enter(Object sender, Waiter waiter) {
        Entry[] entry = new Entry[1];
        long[] pause = {-1};
        lanes.compute(sender, (key, lane) -> {
            Lane current = lane == null ? newLane() : lane;
            int busy = lane == null ? lanes.size() + 1 : lanes.size();
            int share = share(busy);
            if (current.inProcess < share && current.waiting.isEmpty() && !current.paused
                    && (pause[0] = pauseNeeded(current, busy, 0)) < 0) {
                current.inProcess++;
                entry[0] = Entry.ENTERED;
            } else if (current.waiting.size() < maxQueued) {
                current.waiting.add(waiter);
                entry[0] = Entry.QUEUED;
                if (pause[0] >= 0) {
                    current.paused = true; // over its part: the timer lets it in again, not a leaving request
                }
            } else {
                entry[0] = Entry.FULL;
                pause[0] = -1;
            }
            return current.isIdle() ? null : current;
        });
        if (entry[0] == Entry.QUEUED && pause[0] >= 0) {
            resumeLater(sender, pause[0]);
        }
        return entry[0];
    }

    private Lane newLane() {
        Lane lane = new Lane();
        if (pacing != null) {
            lane.credit = pacing.burst().toNanos();
            lane.creditedAtShare = advanceFairShare(lanes.size());
        }
        return lane;
    }

    /**
     * Brings the lane's credit up to date and charges it {@code cpuNanos}: while others are busy and the CPU is
     * saturated, credit grows at the sender's part of the senders' recent use, up to the burst; otherwise (alone, or
     * CPU to spare) a sender owes nothing.
     *
     * @return -1 when the sender may run now, otherwise how long (wall-clock nanoseconds) to wait before its credit
     *         is looked at again
     */
    private long pauseNeeded(Lane lane, int busyNow, long cpuNanos) {
        if (pacing == null) {
            return -1;
        }
        double share = chargeAndShare(cpuNanos, busyNow);
        int busy = Math.max(busyNow, recentBusy);
        long burst = pacing.burst().toNanos();
        if (busy <= 1 || !saturated) {
            lane.credit = burst;
        } else {
            lane.credit = (long) Math.min(burst, lane.credit + Math.max(0, share - lane.creditedAtShare));
        }
        lane.creditedAtShare = share;
        lane.credit -= cpuNanos;
        if (lane.credit >= 0 || busy <= 1 || !saturated) {
            return -1;
        }
        double rate = recentUse / Math.max(1, busyNow); // what it earns from now on, while as many stay busy
        double wait = rate > 0 ? -lane.credit / rate : CpuPacing.MAX_PAUSE_NANOS;
        return (long) Math.max(CpuPacing.MIN_PAUSE_NANOS, Math.min(CpuPacing.MAX_PAUSE_NANOS, wait));
    }

    /**
     * Charges a request's CPU time to the senders' recent use and advances the fair-share clock to now, in one step
     * under the lock, {@code busy} senders having been busy since the clock was last advanced; returns the clock.
     */
    private synchronized double chargeAndShare(long cpuNanos, int busy) {
        long now = clockNow();
        account(cpuNanos, now, busy);
        return advanceFairShare(now, busy);
    }

    /**
     * Advances the fair-share clock to now, {@code busy} senders having been busy since it was last advanced (the
     * clock is advanced wherever a lane appears or goes), and returns it.
     */
    private synchronized double advanceFairShare(int busy) {
        return advanceFairShare(clockNow(), busy);
    }

    private double advanceFairShare(long now, int busy) {
        fairShareClock += (now - fairShareClockAt) * recentUse / Math.max(1, busy);
        fairShareClockAt = now;
        return fairShareClock;
    }

    /**
     * The clock, read under the lock and never behind the fair-share clock: a reading older than its last advance
     * (a clock that is not monotonic) must not set it back, or the next advance would count the gap twice and give
     * every sender credit it never earned (guarded by {@code this}).
     */
    private long clockNow() {
        return Math.max(pacing.clock().getAsLong(), fairShareClockAt);
    }

    /** Adds a request's CPU time to the senders' recent use, and starts a new window when this one is over. */
    private void account(long cpuNanos, long now, int busy) {
        windowCpu += cpuNanos;
        windowBusy = Math.max(windowBusy, busy);
        long elapsed = now - windowStart;
        if (elapsed >= CpuPacing.WINDOW_NANOS) {
            double use = (double) windowCpu / elapsed;
            recentUse = recentUse == 0 ? use : (recentUse + use) / 2;
            windowCpu = 0;
            windowStart = now;
            recentBusy = windowBusy;
            windowBusy = busy;
            saturated = stillSaturated(pacing.machineLoad().getAsDouble(), elapsed);
        }
    }

    /**
     * Whether the CPU counts as saturated after a window with this load: once the smoothed load reaches the
     * saturation, and no longer once it has fallen {@link CpuPacing#HYSTERESIS} below it; never when the load is
     * unknown. Both ends go by the smoothed load: entering on one window's reading would let a single noisy tick of a
     * machine at 85 % start pacing that its smoothed load, never below 80 %, would not end.
     */
    private boolean stillSaturated(double load, long windowNanos) {
        if (load < 0) {
            smoothedLoad = -1;
            return false;
        }
        // the load is read over the whole window: weigh it as that many 100 ms windows of this load in a row
        double weight = 1 - Math.pow(1 - CpuPacing.LOAD_SMOOTHING, (double) windowNanos / CpuPacing.WINDOW_NANOS);
        smoothedLoad = smoothedLoad < 0 ? load : smoothedLoad + weight * (load - smoothedLoad);
        return smoothedLoad >= pacing.saturation()
                || saturated && smoothedLoad >= pacing.saturation() - CpuPacing.HYSTERESIS;
    }

    private void resumeLater(Object sender, long delayNanos) {
        pacing.deferral().after(delayNanos, () -> resume(sender));
    }

    /** The pause of a sender that used more than its part is over, unless it still owes CPU time. */
    private void resume(Object sender) {
        List<Waiter> admitted = new ArrayList<>(1);
        long[] pause = {-1};
        lanes.computeIfPresent(sender, (key, lane) -> {
            if (!lane.paused) {
                return lane; // a later lane of the same sender, not paused: nothing to end
            }
            int busy = lanes.size();
            pause[0] = pauseNeeded(lane, busy, 0);
            if (pause[0] < 0) {
                lane.paused = false;
                admitWithinShare(lane, share(busy), admitted);
            }
            return lane.isIdle() ? null : lane;
        });
        if (pause[0] >= 0) {
            resumeLater(sender, pause[0]);
        }
        admit(sender, admitted);
    }

    private static void admitWithinShare(Lane lane, int share, List<Waiter> admitted) {
        while (lane.inProcess < share && !lane.waiting.isEmpty()) {
            lane.inProcess++;
            admitted.add(lane.waiting.poll());
        }
    }

    /**
     * Takes a waiting request out of the queue (its wait is over).
     *
     * @return true when it was still waiting; false when it has been admitted meanwhile (it then holds a slot)
     */
    boolean withdraw(Object sender, Waiter waiter) {
        boolean[] removed = new boolean[1];
        lanes.computeIfPresent(sender, (key, lane) -> {
            removed[0] = lane.waiting.remove(waiter);
            if (lane.isIdle()) {
                if (pacing != null) {
                    advanceFairShare(lanes.size()); // the lane goes: the senders busy change
                }
                return null;
            }
            return lane;
        });
        return removed[0];
    }

    /**
     * A request of {@code sender} that holds a slot has done its work and now only waits for a stage (its token's
     * commit, answered from the writer's completion thread): unless the sender has its share of the stage budget
     * ({@link #STAGE_BUDGET_FACTOR} times the budget, shared equally by the busy senders) awaiting stages already, the
     * request gives its slot to the sender's first waiting request and counts as awaiting its stage until it
     * {@linkplain #leave(Object, long, boolean) leaves}. Slots bound the requests that use the CPU; a request waiting
     * for its commit uses none, and holding a slot meanwhile capped a sender's commits at its share of slots (eight at
     * most per group commit on two cores), each waiting request queued for a slot and ran its endpoint twice. A paused
     * sender's waiters stay for its timer.
     *
     * @return true when the request gave its slot up and now awaits its stage; false when it keeps its slot
     */
    boolean awaitStage(Object sender) {
        List<Waiter> admitted = new ArrayList<>(1);
        boolean[] handed = new boolean[1];
        lanes.computeIfPresent(sender, (key, lane) -> {
            int busy = lanes.size();
            if (lane.inProcess < 1 || lane.awaitingStage >= stageShare(Math.max(busy, recentBusy))) {
                return lane;
            }
            lane.inProcess--;
            lane.awaitingStage++;
            handed[0] = true;
            if (!lane.paused) {
                admitWithinShare(lane, share(busy), admitted);
            }
            return lane;
        });
        admit(sender, admitted);
        return handed[0];
    }

    /**
     * A request of {@code sender} is done: its slot goes to the sender's first waiting request, unless the sender
     * has more than its share in process now (other senders became busy meanwhile); when its share has grown, more
     * than one waiting request may be admitted.
     */
    void leave(Object sender) {
        leave(sender, 0);
    }

    /**
     * As {@link #leave(Object)}, charging the sender {@code cpuNanos} of CPU time the request used: a sender that has
     * used more than its part of the CPU (see {@link CpuPacing}) admits no waiting request now; its waiters are
     * admitted by a timer once its part has caught up.
     */
    void leave(Object sender, long cpuNanos) {
        leave(sender, cpuNanos, false);
    }

    /**
     * As {@link #leave(Object, long)}, for a request that gave its slot up to {@link #awaitStage} when
     * {@code awaitedStage}: it leaves the requests awaiting their stage instead of the slots.
     */
    void leave(Object sender, long cpuNanos, boolean awaitedStage) {
        List<Waiter> admitted = new ArrayList<>(1);
        long[] pause = {-1};
        lanes.computeIfPresent(sender, (key, lane) -> {
            if (awaitedStage) {
                lane.awaitingStage--;
            } else {
                lane.inProcess--;
            }
            int busy = lanes.size();
            if (lane.paused) {
                lane.credit -= Math.max(0, cpuNanos);
                chargeAndShare(Math.max(0, cpuNanos), busy); // the fair-share clock advanced too: the lane may go
                return lane.isIdle() ? null : lane; // the timer admits its waiters
            }
            pause[0] = pauseNeeded(lane, busy, Math.max(0, cpuNanos));
            if (pause[0] >= 0 && !lane.waiting.isEmpty()) {
                lane.paused = true;
            } else {
                pause[0] = -1;
                admitWithinShare(lane, share(busy), admitted);
            }
            return lane.isIdle() ? null : lane;
        });
        if (pause[0] >= 0) {
            resumeLater(sender, pause[0]);
        }
        admit(sender, admitted);
    }

    private void admit(Object sender, List<Waiter> admitted) {
        for (Waiter waiter : admitted) {
            try {
                waiter.admit();
            } catch (RuntimeException e) {
                // the waiter could not be resumed (a thread pool refusing work while stopping): its slot must not
                // stay counted, or the sender would lose it for good; it passes to the next waiter
                leave(sender);
            }
        }
    }

    /**
     * How the edge measures the CPU time of the request run it starts now, and charges it at {@link #leave}: 1 to
     * measure it and charge what it used; {@link #CPU_SAMPLE} to measure it and charge that many times what it used;
     * 0 to measure nothing and charge nothing. Measuring costs two system calls per run (the thread's CPU clock),
     * so it is exact only while pacing can hold a sender back: with pacing, the CPU saturated and more than one sender
     * busy now or in the last window. Otherwise every sender's credit is reset to the burst at its next charge, and
     * the charges feed only the senders' recent use (what a sender earns once pacing starts), which a random sample
     * weighed by its rate estimates without bias; one run in {@link #CPU_SAMPLE} is measured. Without pacing nothing
     * is measured, as the charges are not used.
     */
    int cpuWeight() {
        if (pacing == null) {
            return 0;
        }
        if (saturated && (recentBusy > 1 || lanes.size() > 1)) {
            return 1;
        }
        return ThreadLocalRandom.current().nextInt(CPU_SAMPLE) == 0 ? CPU_SAMPLE : 0;
    }

    /** Requests of {@code sender} in process now: holding a slot, or awaiting their stage. */
    int inProcess(Object sender) {
        Lane lane = lanes.get(sender);
        return lane == null ? 0 : lane.inProcess + lane.awaitingStage;
    }

    /** Requests of {@code sender} that gave their slot up to await their stage now. */
    int awaitingStage(Object sender) {
        Lane lane = lanes.get(sender);
        return lane == null ? 0 : lane.awaitingStage;
    }

    /** Requests of {@code sender} waiting now. */
    int waiting(Object sender) {
        Lane lane = lanes.get(sender);
        return lane == null ? 0 : lane.waiting.size();
    }

    /** CPU nanoseconds {@code sender} may still use as of its last charge; negative when it owes (for tests). */
    long credit(Object sender) {
        Lane lane = lanes.get(sender);
        return lane == null ? 0 : lane.credit;
    }

    /** CPU nanoseconds per wall-clock nanosecond the senders' requests used lately (for tests and metrics). */
    double recentUse() {
        return recentUse;
    }

    /** Senders with a request in process or waiting. */
    int senders() {
        return lanes.size();
    }
}
