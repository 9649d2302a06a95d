package io.grantsmith.server.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>Senders without a request in process or waiting take no memory: their lane is dropped once empty, so that
 * senders named by strangers (client IDs) cannot grow the table beyond the requests in flight.
 */
final class SenderGate {
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

    private static final class Lane {
        int inProcess;
        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

        boolean isIdle() {
            return inProcess == 0 && waiting.isEmpty();
        }
    }

    private final int budget;
    private final int maxQueued;
    private final ConcurrentHashMap<Object, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param budget requests in process at once that the senders busy at the moment share equally
     */
    SenderGate(int budget) {
        this(budget, QUEUE_PER_SENDER);
    }

    SenderGate(int budget, int maxQueued) {
        if (budget < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("the budget must allow at least one request in process");
        }
        this.budget = budget;
        this.maxQueued = maxQueued;
    }

    /** The automatic budget: four requests per processor, at least eight. */
    static int automaticBudget() {
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    int budget() {
        return budget;
    }

    /** What each busy sender may have in process now: an equal part of the budget, at least one request. */
    private int share(int busySenders) {
        return Math.max(1, budget / Math.max(1, busySenders));
    }

    /** Takes a slot of {@code sender} for a request, or queues {@code waiter} for one. */
    Entry enter(Object sender, Waiter waiter) {
        Entry[] entry = new Entry[1];
        lanes.compute(sender, (key, lane) -> {
            Lane current = lane == null ? new Lane() : lane;
            int share = share(lane == null ? lanes.size() + 1 : lanes.size());
            if (current.inProcess < share && current.waiting.isEmpty()) {
                current.inProcess++;
                entry[0] = Entry.ENTERED;
            } else if (current.waiting.size() < maxQueued) {
                current.waiting.add(waiter);
                entry[0] = Entry.QUEUED;
            } else {
                entry[0] = Entry.FULL;
            }
            return current.isIdle() ? null : current;
        });
        return entry[0];
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
            return lane.isIdle() ? null : lane;
        });
        return removed[0];
    }

    /**
     * A request of {@code sender} is done: its slot goes to the sender's first waiting request, unless the sender
     * has more than its share in process now (other senders became busy meanwhile); when its share has grown, more
     * than one waiting request may be admitted.
     */
    void leave(Object sender) {
        List<Waiter> admitted = new ArrayList<>(1);
        lanes.computeIfPresent(sender, (key, lane) -> {
            lane.inProcess--;
            int share = share(lanes.size());
            while (lane.inProcess < share && !lane.waiting.isEmpty()) {
                lane.inProcess++;
                admitted.add(lane.waiting.poll());
            }
            return lane.isIdle() ? null : lane;
        });
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

    /** Requests of {@code sender} in process now. */
    int inProcess(Object sender) {
        Lane lane = lanes.get(sender);
        return lane == null ? 0 : lane.inProcess;
    }

    /** Requests of {@code sender} waiting now. */
    int waiting(Object sender) {
        Lane lane = lanes.get(sender);
        return lane == null ? 0 : lane.waiting.size();
    }

    /** Senders with a request in process or waiting. */
    int senders() {
        return lanes.size();
    }
}
