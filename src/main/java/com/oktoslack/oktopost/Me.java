package com.oktoslack.oktopost;

/** Who the API credentials belong to: the API user and its account. */
public record Me(User user, Account account) {
}
