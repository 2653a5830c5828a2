package io.github.ftpdoctor;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** One lock and the condition its state changes signal: the guard of {@link PoolState} and {@link TransferRun}. */
final class Monitor {
    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();

    /** Reads under the lock. */
    <T> T read(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /** Changes state under the lock and wakes every waiter. */
    void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
