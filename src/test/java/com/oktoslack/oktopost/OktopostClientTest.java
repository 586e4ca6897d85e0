package com.oktoslack.oktopost;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeOktopost.RecordedRequest;
import com.oktoslack.testing.FakeOktopost.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What goes over the wire, and how Oktopost's answers come back as data or as the right exception. */
@MicronautTest(transactional = false)
class OktopostClientTest extends OktopostTestBase {

    private static final String API_KEY = "test-api-key";

    @Inject
    OktopostSettings settings;

    @Test
    void sendsBasicAuthToTheV2Root() {
        Me me = okto.me();

        assertEquals("Api User", me.user().name());
        assertEquals("api.user@example.com", me.user().email());
        assertEquals("Fake Account", me.account().name());
        RecordedRequest request = fake().last("GET", "/me");
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString(("test-account:" + API_KEY).getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, request.header("Authorization"));
        // The fake answers only under /v2, so reaching it at all proves the base path was kept.
        assertEquals("/me", request.path());
        assertEquals(settings.baseUrl(), fake().baseUrl());
    }

    @Test
    void formFieldsKeepAmpersandsEqualsPercentAndPlus() {
        String text = "Tom & Jerry = 100% + more, naïve ✓";
        String link = "https://example.com/a?b=1&c=2+3%20";

        Message created = okto.createMessage(NewMessage.text("LinkedIn", "002000000000009", text)
                .withLink(link, "Title & more", "Desc = good", "https://example.com/i.png"));

        RecordedRequest request = fake().last("POST", "/message");
        assertEquals("application/x-www-form-urlencoded", request.header("Content-Type").split(";")[0]);
        assertEquals(text, request.form().get("message"));
        assertEquals(link, request.form().get("linkUrl"));
        assertEquals("Title & more", request.form().get("linkTitle"));
        assertEquals("Desc = good", request.form().get("description"));
        assertFalse(request.form().containsKey("media"), "unset fields are left out");
        assertEquals(text, created.message());
        assertEquals(link, created.linkUrl());
    }

    @Test
    void resultFalseBecomesRejectedWithOktopostsMessage() {
        fake().on("GET", "/me", r -> Reply.of(200, new ObjectMapper().readTree(
                "{\"Result\":false,\"Errors\":{\"API\":{\"Error\":\"Account is suspended\"}}}")));

        OktopostException.Rejected e = assertThrows(OktopostException.Rejected.class, () -> okto.me());
        assertEquals("Account is suspended", e.getMessage());
        assertEquals(200, e.status());
    }

    @Test
    void badRequestCarriesTheFieldErrors() {
        OktopostException.Rejected e = assertThrows(OktopostException.Rejected.class,
                () -> okto.createMessage(NewMessage.text("MySpace", "002000000000009", "hi")));
        assertEquals(400, e.status());
        assertEquals("network: Invalid network", e.getMessage());
    }

    @Test
    void statusesAreToldApart() {
        fake().expectCredentials("test-account", "another-key");
        OktopostException unauthorized = assertThrows(OktopostException.Unauthorized.class, () -> okto.me());
        assertEquals("Invalid API credentials", unauthorized.getMessage());
        fake().expectCredentials(FakeOktopost.ACCOUNT_ID, FakeOktopost.API_KEY);

        fake().failNext(403, 1, "You don't have permission to approve");
        OktopostException forbidden = assertThrows(OktopostException.Forbidden.class, () -> okto.me());
        assertEquals("You don't have permission to approve", forbidden.getMessage());

        OktopostException notFound = assertThrows(OktopostException.NotFound.class, () -> okto.message("005000000000404"));
        assertEquals("The page you are looking for was not found", notFound.getMessage());
        assertEquals(404, notFound.status());

        OktopostException notFoundOnDelete = assertThrows(OktopostException.NotFound.class,
                () -> okto.deleteMessage("005000000000404"));
        assertEquals(404, notFoundOnDelete.status());

        fake().failNext(500, 10);
        OktopostException serverError = assertThrows(OktopostException.ServerError.class, () -> okto.me());
        assertEquals(500, serverError.status());
        assertEquals("Injected failure (HTTP 500)", serverError.getMessage());
    }

    @Test
    void aNonJsonErrorStillBecomesAnOktopostException() {
        fake().on("GET", "/me", r -> Reply.text(502, "text/html", "<html><body>Bad gateway</body></html>"));
        OktopostException e = assertThrows(OktopostException.ServerError.class, () -> okto.me());
        assertEquals(502, e.status());
        assertEquals("Oktopost answered GET /me with HTTP 502", e.getMessage());

        fake().on("GET", "/me", r -> Reply.text(200, "application/json", "{not json"));
        assertThrows(OktopostException.ServerError.class, () -> okto.me());
    }

    @Test
    void theApiKeyAppearsInNoLogLineAndNoMessage() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("com.oktoslack.oktopost");
        Level previous = ours.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        ours.setLevel(Level.DEBUG);
        List<String> messages = new ArrayList<>();
        try {
            fake().failNext(503, 10);
            messages.add(assertThrows(OktopostException.class, () -> okto.me()).getMessage());
            fake().reset();
            fake().expectCredentials("test-account", "another-key");
            messages.add(assertThrows(OktopostException.class, () -> okto.me()).getMessage());
            messages.add(assertThrows(OktopostException.class, () -> okto.message("nope")).getMessage());
        } finally {
            root.detachAppender(appender);
            ours.setLevel(previous);
            fake().expectCredentials(FakeOktopost.ACCOUNT_ID, FakeOktopost.API_KEY);
        }
        String basic = Base64.getEncoder().encodeToString(("test-account:" + API_KEY).getBytes(StandardCharsets.UTF_8));
        appender.list.forEach(event -> messages.add(event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage())));
        messages.add(settings.toString());
        assertFalse(appender.list.isEmpty(), "the failures were logged");
        for (String message : messages) {
            assertFalse(message.contains(API_KEY), message);
            assertFalse(message.contains(basic), message);
        }
    }

    @Test
    void noHttpClientExceptionEscapes() {
        fake().failNext(418, 1, "I'm a teapot");
        OktopostException e = assertThrows(OktopostException.class, () -> okto.me());
        assertInstanceOf(OktopostException.Rejected.class, e);
        assertEquals("I'm a teapot", e.getMessage());
    }
}
