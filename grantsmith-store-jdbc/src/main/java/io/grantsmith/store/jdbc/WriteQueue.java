package io.grantsmith.store.jdbc;

import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded queue between request threads and the one writer thread. Under load every request thread
 * offers a write and the writer drains them, so a single lock (as in {@code ArrayBlockingQueue}) is contended
 * by all of them at once and every contended acquisition is a futex call. Here producers only CAS: a
 * lock-free queue holds the writes, a semaphore bounds their number (it blocks only when the queue is full),
 * and the writer is unparked only when it announced that it sleeps.
 */
final class WriteQueue<E> {
    private final ConcurrentLinkedQueue<E> items = new ConcurrentLinkedQueue<>();
    private final Semaphore space;
    private final AtomicBoolean consumerSleeping = new AtomicBoolean();
    private volatile Thread consumer;

    WriteQueue(int capacity) {
        this.space = new Semaphore(capacity);
    }

    /** Adds {@code item}, waiting up to {@code timeout} for room; false when there was none. */
    boolean offer(E item, long timeout, TimeUnit unit) throws InterruptedException {
        if (!space.tryAcquire(timeout, unit)) {
            return false;
        }
        items.add(item);
        // The consumer announces sleep before its last look at the queue, so either it sees this item or this
        // sees its announcement (then the unpark's permit makes its park return at once): no wake-up is lost.
        if (consumerSleeping.get() && consumerSleeping.compareAndSet(true, false)) {
            LockSupport.unpark(consumer);
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

    /** The next item, parking until there is one. For the single consumer thread only. */
    E take() {
        E item = poll();
        while (item == null) {
            consumer = Thread.currentThread();
            consumerSleeping.set(true);
            item = poll();
            if (item == null) {
                LockSupport.park(this);
                item = poll();
            }
            consumerSleeping.set(false);
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

    int size() {
        return items.size();
    }
}
