package com.oktoslack.approvals;

import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.Optional;

/**
 * Where an item's approval card is in Slack, so what happens to the item later can be told in the card's
 * thread: the newest channel card posted for it (a DM card has no thread others see).
 */
@Singleton
public class CardThreads {

    /** A posted card's channel and message ts. */
    public record CardThread(String channelId, String ts) {
    }

    private final ApprovalCardRepository cards;

    CardThreads(ApprovalCardRepository cards) {
        this.cards = cards;
    }

    public Optional<CardThread> of(String entityId) {
        return cards.findByEntityIdAndStatusAndKind(entityId, ApprovalCard.POSTED, ApprovalCard.CHANNEL).stream()
                .filter(c -> c.channelId() != null && c.ts() != null)
                .max(Comparator.comparing(ApprovalCard::round).thenComparing(c -> c.id() == null ? 0 : c.id()))
                .map(c -> new CardThread(c.channelId(), c.ts()));
    }
}
