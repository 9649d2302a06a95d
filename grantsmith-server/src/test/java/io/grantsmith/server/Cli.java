package io.grantsmith.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@code grantsmith <args>} in this JVM on the SQLite store, with a given environment and stdin. */
public final class Cli {
    /** What a command did: its exit code and everything it printed. */
    public record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    public static Result run(Map<String, String> environment, String... args) {
        return runWithStdin("", environment, args);
    }

    /** Replaces {@code System.in}, {@code System.out} and {@code System.err} for the run and restores them. */
    public static synchronized Result runWithStdin(String stdin, Map<String, String> environment, String... args) {
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
            exitCode = Main.run(args, environment, SqliteStoreFactory::open);
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
