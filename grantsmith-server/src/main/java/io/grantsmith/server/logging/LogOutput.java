package io.grantsmith.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the server's log output (the {@code STDERR} appender of {@link LogConfiguration}) to a {@link LogFormat}.
 * The text format is the one {@link LogConfiguration} configures; the JSON format is logback's own
 * {@link JsonEncoder}: one JSON object per line with {@code timestamp} (epoch milliseconds), {@code level},
 * {@code threadName}, {@code loggerName}, {@code mdc} (the request's {@code requestId}), {@code formattedMessage}
 * and, for a failure, {@code throwable}. Switched once at start, before the server takes requests.
 */
public final class LogOutput {
    /** The appender {@link LogConfiguration} writes to stderr with. */
    static final String APPENDER = LogConfiguration.APPENDER;

    private LogOutput() {
    }

    /**
     * Writes every later event in {@code format}.
     *
     * @return the encoder that was replaced (to put back with {@link #restore}), or null when nothing changed: the
     *         format is text, or logging is not logback's (an embedding application's own)
     */
    public static Encoder<ILoggingEvent> use(LogFormat format) {
        if (format == LogFormat.TEXT) {
            return null;
        }
        OutputStreamAppender<ILoggingEvent> appender = stderrAppender();
        if (appender == null) {
            LoggerFactory.getLogger(LogOutput.class).warn("--log-format json needs logback's {} appender; logging "
                    + "is configured otherwise, so the log format is left as it is", APPENDER);
            return null;
        }
        Encoder<ILoggingEvent> previous = appender.getEncoder();
        appender.setEncoder(jsonEncoder((LoggerContext) LoggerFactory.getILoggerFactory()));
        return previous;
    }

    /** Puts back an encoder that {@link #use} replaced. */
    public static void restore(Encoder<ILoggingEvent> previous) {
        OutputStreamAppender<ILoggingEvent> appender = stderrAppender();
        if (previous != null && appender != null) {
            appender.setEncoder(previous);
        }
    }

    /**
     * One JSON object per event, on one line. The event's formatted message only (its arguments were formatted into
     * it: the raw arguments would repeat them), no logger context (the same on every line) and no sequence numbers.
     */
    public static JsonEncoder jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    private static OutputStreamAppender<ILoggingEvent> stderrAppender() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return null;
        }
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> stream = appender instanceof OutputStreamAppender<?> output
                ? (OutputStreamAppender<ILoggingEvent>) output : null;
        return stream;
    }
}
