package io.grantsmith.server.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time the current thread has used, to charge each request's sender what its request cost
 * ({@link SenderGate.CpuPacing}). Where the JVM cannot measure it, every request costs nothing and no sender is paced.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURED = measurable();

    private ThreadCpu() {
    }

    /** Nanoseconds of CPU the current thread has used so far (0 when not measurable). */
    static long now() {
        return MEASURED ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** The machine's recent CPU load, 0 to 1, over the time since it was last asked; negative when unknown. */
    static double machineLoad() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getCpuLoad();
        }
        return -1;
    }

    private static boolean measurable() {
        try {
            if (!THREADS.isCurrentThreadCpuTimeSupported()) {
                return false;
            }
            if (!THREADS.isThreadCpuTimeEnabled()) {
                THREADS.setThreadCpuTimeEnabled(true);
            }
            return THREADS.getCurrentThreadCpuTime() >= 0;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
