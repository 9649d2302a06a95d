package io.grantsmith.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import java.util.function.Function;

/**
 * The server's logging, configured in code (found by logback as a {@link Configurator} service) instead of from a
 * {@code logback.xml}: parsing the XML loaded some 500 classes and took about a tenth of a restart's time. Log lines
 * go to stderr, one each, as {@link #PATTERN}; the root level is {@code GRANTSMITH_LOG_LEVEL} (a system property or
 * environment variable; INFO when unset), Jetty, HikariCP and Flyway log warnings only. Nothing logged carries a
 * token, secret or password. {@code serve --log-format json} swaps the appender's encoder ({@link LogOutput}).
 *
 * <p>A logging configuration of the operator's still wins: with {@code -Dlogback.configurationFile=...}, or a
 * {@code logback.xml} or {@code logback-test.xml} on the class path, this steps aside and logback reads that.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    /** The appender's name, which {@link LogOutput} finds it by. */
    static final String APPENDER = "STDERR";
    /** ISO time, level, thread, {@code req=<id>} while a request is handled (its X-Request-Id), logger, message. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread]%replace( req=%X{requestId}){' "
            + "req=$', ''} %logger{36} - %msg%n";
    static final String LEVEL_VARIABLE = "GRANTSMITH_LOG_LEVEL";
    /** Libraries that log warnings only. */
    static final Map<String, Level> QUIET = Map.of("org.eclipse.jetty", Level.WARN, "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN);

    private final Function<String, String> properties;
    private final Function<String, String> environment;
    private final Function<String, Object> resources;

    public LogConfiguration() {
        this(System::getProperty, System::getenv, LogConfiguration.class.getClassLoader()::getResource);
    }

    /** For tests: with these system properties, environment and class-path resources. */
    LogConfiguration(Function<String, String> properties, Function<String, String> environment,
            Function<String, Object> resources) {
        this.properties = properties;
        this.environment = environment;
        this.resources = resources;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (properties.apply("logback.configurationFile") != null || resources.apply("logback-test.xml") != null
                || resources.apply("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the operator's configuration, read by logback's own
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel());
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * {@code GRANTSMITH_LOG_LEVEL} as logback's {@code ${GRANTSMITH_LOG_LEVEL:-INFO}} read it: a system property
     * first, then the environment; INFO when unset or blank, DEBUG for a name logback does not know.
     */
    Level rootLevel() {
        String value = properties.apply(LEVEL_VARIABLE);
        if (value == null) {
            value = environment.apply(LEVEL_VARIABLE);
        }
        return value == null || value.isBlank() ? Level.INFO : Level.toLevel(value.trim());
    }
}
