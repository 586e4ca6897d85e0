package com.oktoslack;

import com.oktoslack.oktopost.OktopostAccountCheck;
import com.oktoslack.reminders.ReminderSettings;
import com.oktoslack.storage.DatabaseCheck;
import com.oktoslack.storage.SecretCipher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.runtime.Micronaut;

import java.util.List;
import java.util.Optional;

public class Application {

    /**
     * {@code -Dokto.training-run=true}: start, then stop at once (exit code 0), so that a JVM started with
     * {@code -XX:ArchiveClassesAtExit} writes the class archive that later starts load from (README, Start-up).
     */
    static final String TRAINING_RUN = "okto.training-run";

    /** A start refused before the app context exists: the one line to print, and the exit code. */
    public record Refusal(String line, int exitCode) {
    }

    /** Misconfigurations are told in one line before the app context exists, so no stack trace hides them. */
    public static Optional<Refusal> refusal(PropertyResolver settings) {
        List<String> missing = RequiredSettings.missing(settings);
        if (!missing.isEmpty()) {
            return Optional.of(new Refusal(RequiredSettings.describe(missing), 2));
        }
        Optional<String> bad = SecretCipher.invalidSetting(settings).or(() -> ReminderSettings.invalidSetting(settings));
        if (bad.isPresent()) {
            return Optional.of(new Refusal("okto-slack cannot start: " + bad.get(), 2));
        }
        return DatabaseCheck.problem(settings).map(problem -> new Refusal("okto-slack cannot start: " + problem, 5));
    }

    public static void main(String[] args) {
        try (ApplicationContext settingsOnly = ApplicationContext.builder().args(args).build()) {
            settingsOnly.getEnvironment().start();
            Optional<Refusal> refusal = refusal(settingsOnly.getEnvironment());
            if (refusal.isPresent()) {
                System.err.println(refusal.get().line());
                System.exit(refusal.get().exitCode());
            }
        }
        // With JSON logs every line on the console is a JSON object, so no banner.
        ApplicationContext context = Micronaut.build(args).mainClass(Application.class)
                .banner(!"json".equalsIgnoreCase(System.getenv("LOG_FORMAT"))).start();
        boolean training = Boolean.getBoolean(TRAINING_RUN);
        try {
            context.getBean(OktopostAccountCheck.class).verify();
        } catch (IllegalStateException e) {
            if (training) {
                stopAfterTraining(context);
            }
            System.err.println("okto-slack cannot start: " + e.getMessage());
            context.close();
            System.exit(e instanceof OktopostAccountCheck.Unreachable ? 4 : 3);
        }
        if (training) {
            stopAfterTraining(context);
        }
    }

    private static void stopAfterTraining(ApplicationContext context) {
        context.close();
        System.exit(0);
    }
}
