package com.oktoslack.webhooks;

import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.Webhook;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Registers in Oktopost one webhook per event type the features handle, all pointing at this app, and
 * keeps the secret Oktopost returns so deliveries can be verified.
 */
@Singleton
class WebhookRegistrations {

    static final String PATH = "/oktopost/webhooks";

    private final Oktopost oktopost;
    private final WebhookRegistrationRepository registrations;
    private final Set<String> eventTypes = new TreeSet<>();
    private final Clock clock;

    WebhookRegistrations(Oktopost oktopost, WebhookRegistrationRepository registrations, List<WebhookHandler> handlers,
                         Clock clock) {
        this.oktopost = oktopost;
        this.registrations = registrations;
        this.clock = clock;
        handlers.forEach(h -> eventTypes.addAll(h.eventTypes()));
    }

    Set<String> eventTypes() {
        return eventTypes;
    }

    /** The webhook URL for a public base such as {@code https://okto.example.com}. */
    static String webhookUrl(String publicBase) {
        URI uri = URI.create(publicBase.strip());
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) address");
        }
        String base = publicBase.strip().replaceAll("/+$", "");
        return base.endsWith(PATH) ? base : base + PATH;
    }

    /** Creates or re-creates our webhooks; returns the event types now connected. */
    List<String> connect(String url) {
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
