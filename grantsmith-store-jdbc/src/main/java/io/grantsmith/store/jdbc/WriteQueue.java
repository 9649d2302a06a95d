package io.grantsmith.store.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded queue between request threads and the writer threads (one on SQLite, a few on PostgreSQL). Under load
 * every request thread offers a write and the writers drain them, so a single lock (as in
 * {@code ArrayBlockingQueue}) is contended by all of them at once and every contended acquisition is a futex call.
 * Here producers only CAS: a lock-free queue holds the writes, a semaphore bounds their number (it blocks only when
 * the queue is full), and a writer is unparked only when it announced that it sleeps.
 */
final class WriteQueue<E> {
    private final ConcurrentLinkedQueue<E> items = new ConcurrentLinkedQueue<>();
    private final int capacity;
    private final Semaphore space;
    /** Consumers that announced they sleep; empty while every consumer is busy (the common case under load). */
    private final ConcurrentLinkedQueue<Thread> sleeping = new ConcurrentLinkedQueue<>();

    WriteQueue(int capacity) {
        this.capacity = capacity;
        this.space = new Semaphore(capacity);
    }

    /** Adds {@code item}, waiting up to {@code timeout} for room; false when there was none. */
    boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        if (!space.tryAcquire(timeout, unit)) {
            return false;
        }
        items.add(item);
        // A consumer announces sleep before its last look at the queue, so either it sees this item or this sees its
        // announcement (then the unpark's permit makes its park return at once): no wake-up is lost. A consumer
        // woken while it was taking another item finds this one when it drains its batch right after.
        Thread sleeper = sleeping.poll();
        if (sleeper != null) {
            LockSupport.unpark(sleeper);
        }
        return true;
    }

    /** The next item, or null when the queue is empty. */
    E poll() {
        E item = items.poll();
        if (item != null) {
            space.release();
        }
        return item;
    }

    /** The next item, parking until there is one. For the consumer threads. */
    E take() {
        E item = poll();
        while (item == null) {
            Thread self = Thread.currentThread();
            sleeping.add(self);
            item = poll();
            if (item == null) {
                LockSupport.park(this);
                item = poll();
            }
            sleeping.remove(self); // a no-op when a producer took it off to wake it
        }
        return item;
    }

    /** Moves up to {@code max} waiting items into {@code into} without waiting; returns how many. */
    int drainTo(Collection<? super E> into, int max) {
        int moved = 0;
        while (moved < max) {
            E item = poll();
            if (item == null) {
                break;
            }
            into.add(item);
            moved++;
        }
        return moved;
    }

    /** Takes {@code item} out if it is still waiting. */
    boolean remove(E item) {
        if (items.remove(item)) {
            space.release();
            return true;
        }
        return false;
    }

    /** The items waiting now, in order (a copy). */
    List<E> snapshot() {
        return new ArrayList<>(items);
    }

    /**
     * About how many items wait, in constant time (from the bound's free room, which a producer takes just before
     * it adds its item, so it may count an item about to appear).
     */
    int count() {
        return capacity - space.availablePermits();
    }

    int size() {
        return items.size();
    }
}
