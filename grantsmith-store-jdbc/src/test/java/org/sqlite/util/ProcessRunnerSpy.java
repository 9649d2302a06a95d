package org.sqlite.util;

import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for sqlite-jdbc's {@code OSInfo} process runner (a protected static hook, hence this package) and records
 * the commands the driver would have run, running none: tests assert that a start spawns no probe.
 */
public final class ProcessRunnerSpy extends ProcessRunner implements AutoCloseable {
    private final ProcessRunner original;
    private final List<String> commands = new ArrayList<>();

    private ProcessRunnerSpy() {
        original = OSInfo.processRunner;
    }

    /** Installs a spy in place of the driver's runner until {@link #close()}. */
    public static ProcessRunnerSpy install() {
        ProcessRunnerSpy spy = new ProcessRunnerSpy();
        OSInfo.processRunner = spy;
        return spy;
    }

    @Override
    synchronized String runAndWaitFor(String command) {
        commands.add(command);
        return "";
    }

    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public void close() {
        OSInfo.processRunner = original;
    }
}
