package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grantsmith.core.TokenEngine;
import io.grantsmith.server.BrokenStores;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A store that fails every write (a full disk) fails every token request alike. Each still gets its 500, but the
 * log gets one stack trace, not one per request: on a full disk, 44k traces once wrote 147 MB onto that disk.
 */
class RepeatedStoreFailureLogTest {
    private static final int REQUESTS = 20;

    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.over(BrokenStores.failingTokens());

    @Test
    void whenEveryTokenRequestMeetsTheSameStoreFailureThenItsStackTraceIsLoggedOnce() {
        ServiceRef service = SERVER.service("");
        ClientRef client = SERVER.client(service, "");
        Logger engineLog = (Logger) LoggerFactory.getLogger(TokenEngine.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        engineLog.addAppender(appender);
        try {
            for (int i = 0; i < REQUESTS; i++) {
                SERVER.asToken(service, client, "grant_type=client_credentials")
                        .assertOAuthError(500, "server_error", "A052101");
            }
        } finally {
            engineLog.detachAppender(appender);
        }

        List<ILoggingEvent> errors = appender.list.stream().filter(event -> event.getLevel() == Level.ERROR).toList();
        assertThat(errors).as("error lines for %d failed requests", REQUESTS).hasSize(1);
        assertThat(errors.get(0).getThrowableProxy()).as("stack trace of the first").isNotNull();
        assertThat(errors.get(0).getFormattedMessage()).contains("store failure").contains(Long.toString(service.id()));
    }
}
