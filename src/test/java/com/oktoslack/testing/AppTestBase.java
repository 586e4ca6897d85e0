package com.oktoslack.testing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole app on an embedded server, wired to a fake Oktopost and a fake Slack on loopback and to its
 * own database ({@link TestDatabase}: a SQLite file, or a PostgreSQL schema). Subclasses add {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AppTestBase implements TestPropertyProvider {

    protected final FakeOktopost oktopost = FakeOktopost.start();
    protected final FakeSlack slack = FakeSlack.start();
    protected final Map<String, String> database = TestDatabase.fresh(getClass().getSimpleName());

    @Inject
    protected EmbeddedServer server;

    private SlackRequests slackRequests;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("oktopost.base-url", oktopost.baseUrl());
        properties.put("slack.api-url", slack.apiUrl());
        properties.putAll(database);
        properties.putAll(extraProperties());
        return properties;
    }

    /** Settings a test class needs on top of the defaults. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected SlackRequests slackRequests() {
        if (slackRequests == null) {
            slackRequests = new SlackRequests(server.getURI());
        }
        return slackRequests;
    }

    /** Whatever a test class did, the app sent no content that pings a crowd or disguises a link. */
    @AfterAll
    void stopFakes() {
        oktopost.close();
        slack.close();
        assertEquals(List.of(), slack.unescaped(), "content went out to Slack unescaped");
    }
}
