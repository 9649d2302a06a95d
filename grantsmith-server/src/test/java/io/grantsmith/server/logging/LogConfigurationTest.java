package io.grantsmith.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The server's logging, configured in code as {@code logback.xml} configured it before. */
class LogConfigurationTest {
    private static LoggerContext configured(Map<String, String> properties, Map<String, String> environment,
            String... resources) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        LogConfiguration configuration = new LogConfiguration(properties::get, environment::get,
                name -> Arrays.asList(resources).contains(name) ? name : null);
        configuration.setContext(context);
        assertThat(configuration.configure(context)).isEqualTo(resources.length == 0
                && !properties.containsKey("logback.configurationFile")
                ? Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY
                : Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        return context;
    }

    @Test
    void oneLinePerEventOnStderrWithTheRequestIdWhileARequestIsHandled() {
        LoggerContext context = configured(Map.of(), Map.of());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = root.getAppender("STDERR");

        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) appender;
        assertThat(console.getTarget()).isEqualTo("System.err");
        assertThat(console.isStarted()).isTrue();
        PatternLayoutEncoder encoder = (PatternLayoutEncoder) console.getEncoder();

        String plain = new String(encoder.encode(event(context, Map.of())), StandardCharsets.UTF_8);
        String inRequest = new String(encoder.encode(event(context, Map.of("requestId", "ops-1"))),
                StandardCharsets.UTF_8);

        assertThat(plain).matches("20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\\.123([+-]\\d\\d:\\d\\d|Z) INFO  \\[grantsmith-http-12\\] "
                + "io\\.grantsmith\\.server\\.http\\.X - token issued for client 7" + System.lineSeparator());
        assertThat(inRequest).isEqualTo(plain.replace("[grantsmith-http-12] ", "[grantsmith-http-12] req=ops-1 "));
    }

    private LoggingEvent event(LoggerContext context, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("io.grantsmith.server.http.X"),
                Level.INFO, "token issued for {}", null, new Object[] {"client 7"});
        event.setTimeStamp(1_800_000_000_123L);
        event.setThreadName("grantsmith-http-12");
        event.setMDCPropertyMap(mdc);
        return event;
    }

    @Test
    void theRootLevelIsGrantsmithLogLevelAndTheLibrariesLogWarningsOnly() {
        assertThat(configured(Map.of(), Map.of()).getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(configured(Map.of(), Map.of("GRANTSMITH_LOG_LEVEL", "debug")).getLogger(Logger.ROOT_LOGGER_NAME)
                .getLevel()).isEqualTo(Level.DEBUG);
        assertThat(configured(Map.of("GRANTSMITH_LOG_LEVEL", "WARN"), Map.of("GRANTSMITH_LOG_LEVEL", "debug"))
                .getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).as("a system property first").isEqualTo(Level.WARN);
        assertThat(configured(Map.of(), Map.of("GRANTSMITH_LOG_LEVEL", " ")).getLogger(Logger.ROOT_LOGGER_NAME)
                .getLevel()).isEqualTo(Level.INFO);
        LoggerContext context = configured(Map.of(), Map.of());
        for (String library : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb"}) {
            assertThat(context.getLogger(library).getLevel()).as(library).isEqualTo(Level.WARN);
        }
    }

    @Test
    void anOperatorsLogbackConfigurationWins() {
        assertThat(configured(Map.of("logback.configurationFile", "/etc/grantsmith/logback.xml"), Map.of())
                .getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        assertThat(configured(Map.of(), Map.of(), "logback.xml").getLogger(Logger.ROOT_LOGGER_NAME)
                .iteratorForAppenders().hasNext()).isFalse();
        assertThat(configured(Map.of(), Map.of(), "logback-test.xml").getLogger(Logger.ROOT_LOGGER_NAME)
                .iteratorForAppenders().hasNext()).isFalse();
    }

    /** logback finds it as a service: this JVM's logging is its (no logback.xml is left to read). */
    @Test
    void logbackConfiguresTheServerWithIt() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");

        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<ILoggingEvent>) appender).getEncoder()).isInstanceOfSatisfying(
                PatternLayoutEncoder.class, encoder -> assertThat(encoder.getPattern()).isEqualTo(LogConfiguration.PATTERN));
        assertThat(LogConfiguration.class.getClassLoader().getResource("logback.xml")).isNull();
    }
}
