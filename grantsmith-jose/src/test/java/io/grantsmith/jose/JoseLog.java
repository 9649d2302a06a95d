package io.grantsmith.jose;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The warnings the jose-provider logger (System.Logger, on java.util.logging here) writes while a test runs. */
final class JoseLog {
    private JoseLog() {
    }

    /** What {@code action} returns, with the formatted WARNING lines it logged. */
    static <T> Captured<T> warnings(Supplier<T> action) {
        Logger logger = Logger.getLogger(JoseProvider.class.getName());
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (lines) {
                        lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            return new Captured<>(action.get(), List.copyOf(lines));
        } finally {
            logger.removeHandler(handler);
        }
    }

    record Captured<T>(T value, List<String> warnings) {
    }
}
