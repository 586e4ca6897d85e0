package com.oktoslack.slack;

/** A failure whose message is written for the person in Slack, shown to them as it is. */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }
}
