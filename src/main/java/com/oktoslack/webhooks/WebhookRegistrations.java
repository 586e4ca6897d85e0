package com.oktoslack.webhooks;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.Webhook;
import com.oktoslack.slack.UserFacingException;
import com.oktoslack.storage.SecretCipher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers in Oktopost one webhook per event type the features handle, all pointing at this app, and
 * keeps the secret Oktopost returns so deliveries can be verified. The secrets are stored encrypted
 * ({@link SecretCipher}); without {@code OKTO_SECRET_KEY} no new webhook is registered.
 */
@Singleton
class WebhookRegistrations {

    static final String PATH = "/oktopost/webhooks";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrations.class);

    private final Oktopost oktopost;
    private final WebhookRegistrationRepository registrations;
    private final SecretCipher cipher;
    private final Set<String> eventTypes = new TreeSet<>();
    private final Clock clock;

    WebhookRegistrations(Oktopost oktopost, WebhookRegistrationRepository registrations, SecretCipher cipher,
                         List<WebhookHandler> handlers, Clock clock) {
        this.oktopost = oktopost;
        this.registrations = registrations;
        this.cipher = cipher;
        this.clock = clock;
        handlers.forEach(h -> eventTypes.addAll(h.eventTypes()));
    }

    /**
     * Writes every stored secret again under the current key: those stored in plain text before encryption
     * existed, and those encrypted under {@code OKTO_SECRET_KEY_PREVIOUS} before a rotation.
     */
    @EventListener
    void encryptStoredSecrets(ServerStartupEvent started) {
        if (!cipher.canEncrypt()) {
            return;
        }
        try {
            registrations.findAll().forEach(registrations::update);
        } catch (RuntimeException e) {
            LOG.error("Could not re-encrypt the stored webhook secrets: {}", e.getMessage());
        }
    }

    Set<String> eventTypes() {
        return eventTypes;
    }

    /**
     * The webhook URL for a public base such as {@code https://okto.example.com}. Only https: deliveries carry
     * their signature and content, which plain http would show to anyone on the way.
     */
    static String webhookUrl(String publicBase) {
        URI uri;
        try {
            uri = URI.create(publicBase.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an address");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an https address");
        }
        String base = publicBase.strip().replaceAll("/+$", "");
        return base.endsWith(PATH) ? base : base + PATH;
    }

    /** Creates or re-creates our webhooks; returns the event types now connected. */
    List<String> connect(String url) {
        requireSecretKey();
        List<Webhook> existing = oktopost.webhooks();
        for (String type : eventTypes) {
            Optional<Webhook> same = existing.stream()
                    .filter(w -> type.equals(w.event()) && sameUrl(url, w.url())).findFirst();
            if (same.isPresent() && registrations.existsById(same.get().id())) {
                Webhook w = same.get();
                oktopost.updateWebhook(w.id(), type, w.name(), w.description(), url, true);
                continue;
            }
            // Oktopost reveals a webhook's secret only when it is created, so one we cannot verify is replaced.
            same.ifPresent(w -> oktopost.deleteWebhook(w.id()));
            Webhook created = oktopost.addWebhook(type, "okto-slack " + type,
                    "Sends " + type + " events to okto-slack", url);
            registrations.save(new WebhookRegistration(created.id(), type, url, created.secret(), Instant.now(clock)));
        }
        return List.copyOf(eventTypes);
    }

    /** Refuses, saying why, when the secrets Oktopost would hand out could not be stored encrypted. */
    void requireSecretKey() {
        if (!cipher.canEncrypt()) {
            throw new UserFacingException("I cannot register webhooks: their secrets must be stored, and "
                    + SecretCipher.whyNoKey());
        }
    }

    /** Deletes the webhooks this app created. */
    int disconnect() {
        int removed = 0;
        for (WebhookRegistration registration : registrations.findAll()) {
            oktopost.deleteWebhook(registration.webhookId());
            registrations.delete(registration);
            removed++;
        }
        return removed;
    }

    List<WebhookRegistration> registered() {
        return registrations.findAll();
    }

    private static boolean sameUrl(String a, String b) {
        return b != null && a.replaceAll("/+$", "").equalsIgnoreCase(b.replaceAll("/+$", ""));
    }
}
