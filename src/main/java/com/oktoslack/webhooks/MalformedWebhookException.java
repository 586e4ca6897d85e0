package com.oktoslack.webhooks;

class MalformedWebhookException extends Exception {
    MalformedWebhookException(String message) {
        super(message);
    }
}
