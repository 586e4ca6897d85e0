package com.oktoslack.oktopost;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Calls made on one UTC day ({@code yyyy-MM-dd}) and the end of an Oktopost block, epoch millis (0: none). */
@MappedEntity("oktopost_budget")
record BudgetDay(@Id String day, int calls, long blockedUntil) {
}
