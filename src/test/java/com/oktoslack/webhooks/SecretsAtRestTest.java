package com.oktoslack.webhooks;

import com.oktoslack.testing.AppTestBase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database files are the owner's alone, and webhook secrets in them are encrypted: read back as they were,
 * unreadable in the raw bytes of the database and its WAL. Secrets stored in plain text earlier still verify,
 * and are encrypted once the app starts with a key.
 */
@MicronautTest(transactional = false)
class SecretsAtRestTest extends AppTestBase {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // base64 of 32 bytes
    private final Path folder = Path.of("target/test-db/" + UUID.randomUUID() + "/private/data");
    private final Path database = folder.resolve("okto-slack.db");

    @Inject
    WebhookRegistrations registrations;
    @Inject
    WebhookRegistrationRepository repository;
    @Inject
    WebhookSignature signature;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("datasources.default.url", "jdbc:sqlite:" + database);
        properties.put("okto.secret-key", KEY);
        return properties;
    }

    @Test
    void theDatabaseFilesAndTheFoldersMadeForThemAreOwnerOnly() throws Exception {
        registrations.connect("https://okto.example.com/oktopost/webhooks"); // some writes, so the WAL is in use

        for (String suffix : List.of("", "-wal", "-shm")) {
            Path file = Path.of(database + suffix);
            assertTrue(Files.exists(file), file + " exists");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
        }
        for (Path made = folder; !made.getFileName().toString().equals("test-db"); made = made.getParent()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)), made.toString());
        }
    }

    @Test
    void connectingRegistersPostSentWithTheOtherEvents() {
        repository.deleteAll();
        registrations.connect("https://okto.example.com/oktopost/webhooks");
        List<String> events = oktopost.webhooks().stream().map(w -> w.get("Event").asText()).sorted().distinct().toList();
        assertEquals(List.of("approvalItemApproved", "approvalItemRejected", "newAdvocacyStory", "newApprovalItem", "postSent"),
                events);
    }

    @Test
    void aRegisteredSecretIsNotReadableInTheDatabaseFiles() throws Exception {
        repository.deleteAll();
        registrations.connect("https://okto.example.com/oktopost/webhooks");
        List<String> secrets = oktopost.webhooks().stream().map(w -> w.get("Secret").asText()).toList();
        assertFalse(secrets.isEmpty());

        for (String secret : secrets) {
            assertTrue(secret.length() >= 16, secret);
            for (String suffix : List.of("", "-wal")) {
                byte[] raw = Files.readAllBytes(Path.of(database + suffix));
                assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains(secret),
                        "the secret is readable in " + database + suffix);
            }
            assertTrue(rawSecrets().stream().noneMatch(secret::equals));
            byte[] body = "{\"Event\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            assertTrue(signature.verify(body, WebhookSignature.sign(secret, body)), "deliveries still verify");
        }
        assertEquals(secrets.stream().sorted().toList(), repository.findAll().stream().map(WebhookRegistration::secret).sorted().toList());
    }

    @Test
    void aSecretStoredInPlainTextEarlierStillVerifiesAndIsEncryptedAtStart() throws Exception {
        repository.deleteAll();
        try (Connection connection = raw(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO webhook_registration (webhook_id, event_type, url, secret, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, "W-old");
            insert.setString(2, "newAdvocacyStory");
            insert.setString(3, "https://okto.example.com/oktopost/webhooks");
            insert.setString(4, "plain-old-secret-1234");
            insert.setLong(5, 1_700_000_000_000L);
            insert.executeUpdate();
        }
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertTrue(signature.verify(body, WebhookSignature.sign("plain-old-secret-1234", body)));

        registrations.encryptStoredSecrets(null);

        assertFalse(rawSecrets().contains("plain-old-secret-1234"), rawSecrets().toString());
        assertTrue(rawSecrets().get(0).startsWith("okto-gcm1:"), rawSecrets().toString());
        assertTrue(signature.verify(body, WebhookSignature.sign("plain-old-secret-1234", body)));
    }

    @Test
    void connectingToAnAddressWhereHealthDoesNotAnswerIsRefused() {
        repository.deleteAll();
        oktopost.reset();
        slack.addUser("U0ADMIN", "admin@acme.example", "Ada Admin", "Europe/Berlin", true);

        slackRequests().slashCommand("U0ADMIN", "webhooks connect <https://127.0.0.1:1>", slack.responseUrl("unreachable"));

        var said = slack.await("response_url", c -> "unreachable".equals(c.param("response_id")), java.time.Duration.ofSeconds(20));
        assertTrue(said.param("text").contains("I could not reach `https://127.0.0.1:1/health`"), said.param("text"));
        assertEquals(0, oktopost.requests().stream().filter(r -> r.path().contains("webhook")).count());
    }

    private List<String> rawSecrets() throws Exception {
        try (Connection connection = raw(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT secret FROM webhook_registration")) {
            List<String> secrets = new java.util.ArrayList<>();
            while (rows.next()) {
                secrets.add(rows.getString(1));
            }
            return secrets;
        }
    }

    private Connection raw() throws Exception {
        return DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
    }
}
