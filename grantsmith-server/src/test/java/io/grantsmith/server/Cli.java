package io.grantsmith.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs {@code grantsmith <args>} in this JVM on the store it names (SQLite by default), with a given environment
 * and stdin, as if no one were at a terminal unless a test asks for one.
 */
public final class Cli {
    /** What a command did: its exit code and everything it printed. */
    public record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    public static Result run(Map<String, String> environment, String... args) {
        return runWithStdin("", environment, args);
    }

    /** As {@link #run}, as if a person were at a terminal (a generated admin token is then shown on stdout). */
    public static Result runAtTerminal(Map<String, String> environment, String... args) {
        return runWithStdin("", environment, true, args);
    }

    /** Replaces {@code System.in}, {@code System.out} and {@code System.err} for the run and restores them. */
    public static Result runWithStdin(String stdin, Map<String, String> environment, String... args) {
        return runWithStdin(stdin, environment, false, args);
    }

    private static synchronized Result runWithStdin(String stdin, Map<String, String> environment, boolean terminal,
            String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = Main.run(args, environment, StoreFactories::open, terminal);
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
