package com.oktoslack;

import com.oktoslack.oktopost.OktopostAccountCheck;
import com.oktoslack.storage.SecretCipher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

import java.util.List;
import java.util.Optional;

public class Application {

    public static void main(String[] args) {
        List<String> missing = missingSettings(args);
        if (!missing.isEmpty()) {
            System.err.println(RequiredSettings.describe(missing));
            System.exit(2);
        }
        invalidSecretKey(args).ifPresent(problem -> {
            System.err.println("okto-slack cannot start: " + problem);
            System.exit(2);
        });
        ApplicationContext context = Micronaut.run(Application.class, args);
        try {
            context.getBean(OktopostAccountCheck.class).verify();
        } catch (IllegalStateException e) {
            System.err.println("okto-slack cannot start: " + e.getMessage());
            context.close();
            System.exit(e instanceof OktopostAccountCheck.Unreachable ? 4 : 3);
        }
    }

    private static Optional<String> invalidSecretKey(String[] args) {
        try (ApplicationContext settingsOnly = ApplicationContext.builder().args(args).build()) {
            settingsOnly.getEnvironment().start();
            return SecretCipher.invalidSetting(settingsOnly.getEnvironment());
        }
    }

    private static List<String> missingSettings(String[] args) {
        try (ApplicationContext settingsOnly = ApplicationContext.builder().args(args).build()) {
            settingsOnly.getEnvironment().start();
            return RequiredSettings.missing(settingsOnly.getEnvironment());
        }
    }
}
