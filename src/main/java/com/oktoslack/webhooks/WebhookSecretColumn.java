package com.oktoslack.webhooks;

import com.oktoslack.storage.SecretCipher;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

/** The secret column of {@link WebhookRegistration}: encrypted on the way in, plain on the way out. */
@Singleton
class WebhookSecretColumn implements AttributeConverter<String, String> {

    private final SecretCipher cipher;

    WebhookSecretColumn(SecretCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToPersistedValue(String secret, ConversionContext context) {
        return secret == null ? null : cipher.encrypt(secret);
    }

    @Override
    public String convertToEntityValue(String stored, ConversionContext context) {
        return stored == null ? null : cipher.decrypt(stored);
    }
}
