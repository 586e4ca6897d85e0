package com.oktoslack.oktopost;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.oktoslack.testing.FakeOktopost;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OktopostAccountCheckTest extends OktopostTestBase {

    @Inject
    OktopostAccountCheck check;

    @Test
    void logsWhoWeAreConnectedAs() {
        fake().setAccount("001000000000042", "Acme");
        Logger logger = (Logger) LoggerFactory.getLogger(OktopostAccountCheck.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            check.verify();
        } finally {
            logger.detachAppender(appender);
        }
        assertEquals(List.of("Connected to Oktopost account Acme (001000000000042) as Api User api.user@example.com"),
                appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void wrongCredentialsStopStartUpWithOktopostsMessageButNotTheKey() {
        fake().expectCredentials(FakeOktopost.ACCOUNT_ID, "the-real-key");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> check.verify());
            assertEquals("Oktopost rejected OKTOPOST_ACCOUNT_ID / OKTOPOST_API_KEY (401): Invalid API credentials",
                    e.getMessage());
            assertFalse(e.getMessage().contains("test-api-key"));
        } finally {
            fake().expectCredentials(FakeOktopost.ACCOUNT_ID, FakeOktopost.API_KEY);
        }
    }

    @Test
    void aForbiddenApiUserStopsStartUpToo() {
        fake().failNext(403, 1, "API access is not enabled for this user");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> check.verify());
        assertEquals("Oktopost rejected OKTOPOST_ACCOUNT_ID / OKTOPOST_API_KEY (403): API access is not enabled for this user",
                e.getMessage());
    }

    @Test
    void anAddressWithoutOktopostsApiStopsStartUpWithAHint() {
        fake().failNext(404, 1, "Not found");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> check.verify());
        assertFalse(e instanceof OktopostAccountCheck.Unreachable, "not worth restarting for");
        assertTrue(e.getMessage().contains("OKTOPOST_BASE_URL must end in /v2"), e.getMessage());
    }

    @Test
    void otherTroubleOnOktopostsSideIsLoggedAndStartUpGoesOn() {
        fake().failNext(200, 1, "Temporarily unavailable");
        Logger logger = (Logger) LoggerFactory.getLogger(OktopostAccountCheck.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            check.verify();
        } finally {
            logger.detachAppender(appender);
        }
        String logged = appender.list.get(0).getFormattedMessage();
        assertTrue(logged.startsWith("Oktopost could not confirm the account at start-up"), logged);
        assertTrue(logged.contains("Temporarily unavailable"), logged);
    }
}
