package com.oktoslack;

import com.oktoslack.oktopost.OktopostAccountCheck;
import com.oktoslack.reminders.ReminderSettings;
import com.oktoslack.storage.DatabaseCheck;
import com.oktoslack.storage.SecretCipher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

import java.util.List;
import java.util.Optional;

public class Application {

    /**
     * {@code -Dokto.training-run=true}: start, then stop at once (exit code 0), so that a JVM started with
     * {@code -XX:ArchiveClassesAtExit} writes the class archive that later starts load from (README, Start-up).
     */
    static final String TRAINING_RUN = "okto.training-run";

    public static void main(String[] args) {
        // Misconfigurations are told in one line before the app context exists, so no stack trace hides them.
        try (ApplicationContext settingsOnly = ApplicationContext.builder().args(args).build()) {
            settingsOnly.getEnvironment().start();
            List<String> missing = RequiredSettings.missing(settingsOnly.getEnvironment());
            if (!missing.isEmpty()) {
                System.err.println(RequiredSettings.describe(missing));
                System.exit(2);
            }
            Optional<String> secretKey = SecretCipher.invalidSetting(settingsOnly.getEnvironment());
            if (secretKey.isPresent()) {
                System.err.println("okto-slack cannot start: " + secretKey.get());
                System.exit(2);
            }
            Optional<String> reminders = ReminderSettings.invalidSetting(settingsOnly.getEnvironment());
            if (reminders.isPresent()) {
                System.err.println("okto-slack cannot start: " + reminders.get());
                System.exit(2);
            }
            Optional<String> database = DatabaseCheck.problem(settingsOnly.getEnvironment());
            if (database.isPresent()) {
                System.err.println("okto-slack cannot start: " + database.get());
                System.exit(5);
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
