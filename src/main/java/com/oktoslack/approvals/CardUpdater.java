package com.oktoslack.approvals;

import com.oktoslack.jobs.Jobs;
import com.oktoslack.jobs.RecurringJob;
import com.oktoslack.people.People;
import com.oktoslack.people.PersonLink;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Brings posted cards up to date with their item (chat.update of every card that shows an older version),
 * and once an item is through tells its author in the channel card's thread. One item is updated by one
 * thread of one replica at a time (a hold in {@code card_sync}), so an older render can never overwrite a newer
 * one. The holder looks again before it lets go; a caller that finds the item held leaves it to
 * {@link HeldCardSync}, which syncs it once the hold is let go. The catch-up is the job {@value #KIND}.
 */
@Singleton
class CardUpdater implements RecurringJob {

    static final String KIND = "approvals.card-updates";
    private static final Logger LOG = LoggerFactory.getLogger(CardUpdater.class);
    private static final int BATCH = 200;
    /** Longer than updating one item's cards at Slack's pace takes; a dead replica's hold runs out after it. */
    private static final Duration HOLD = Duration.ofMinutes(2);
    /** Passes one holder makes while the item keeps changing under it; what is left goes to the catch-up. */
    private static final int PASSES = 3;
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(2);

    private final ApprovalCardRepository cards;
    private final ApprovalItemRepository items;
    private final ApprovalStates states;
    private final CardMessages messages;
    private final People people;
    private final Jobs jobs;
    private final Duration every;
    private volatile boolean stopping;

    CardUpdater(ApprovalCardRepository cards, ApprovalItemRepository items, ApprovalStates states,
                CardMessages messages, People people, Jobs jobs, ApprovalSettings settings) {
        this.jobs = jobs;
        this.every = settings.publishEvery();
        this.cards = cards;
        this.items = items;
        this.states = states;
        this.messages = messages;
        this.people = people;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration every() {
        return every;
    }

    /** Catches up in the background: outdated cards and due notices. */
    void kick() {
        if (!stopping) {
            jobs.nudge(KIND);
        }
    }

    @Override
    public void run() {
        catchUp();
    }

    /** Updates every card of the item now, on the caller's thread. */
    void sync(String entityId) throws InterruptedException {
        sync(entityId, true);
    }

    /**
     * Right after a decision: the channel card now, the DMs in the background. Slack paces chat.update for the
     * whole workspace, so under many clicks the card everyone sees goes first.
     */
    void syncChannelFirst(String entityId) throws InterruptedException {
        sync(entityId, false);
        kick();
    }

    private void sync(String entityId, boolean withDms) throws InterruptedException {
        if (!trySync(entityId, withDms)) {
            jobs.schedule(HeldCardSync.KIND, entityId, new HeldCardSync.Item(entityId), Instant.now().plus(LOOK_AGAIN));
        }
    }

    /** False, with nothing done, when another thread or replica holds the item's cards. */
    boolean trySync(String entityId, boolean withDms) throws InterruptedException {
        String holder = UUID.randomUUID().toString();
        Instant now = Instant.now(); // holds are between replicas: the wall clock, as the job engine's times
        if (cards.holdSync(entityId, holder, now.plus(HOLD), now) == 0) {
            return false;
        }
        try {
            for (int pass = 0; pass < PASSES && syncOnce(entityId, withDms); pass++) {
                // The item changed while its cards were updated: they are brought up to the newer version.
            }
        } finally {
            cards.releaseSync(entityId, holder);
        }
        return true;
    }

    /** True when the item is newer now than what this pass rendered. */
    private boolean syncOnce(String entityId, boolean withDms) throws InterruptedException {
        Optional<ApprovalItem> item = states.item(entityId);
        if (item.isEmpty()) {
            return false;
        }
        CardState state = states.state(item.get());
        for (ApprovalCard card : cards.findByEntityIdAndRoundOrderById(entityId, state.round())) {
            if (ApprovalCard.POSTED.equals(card.status()) && card.renderedVersion() < state.version()
                    && (withDms || !card.isDm())) {
                update(card, state);
            }
        }
        if (ApprovalItem.NOTICE_DUE.equals(item.get().authorNotice()) && !item.get().isPending()) {
            tellAuthor(item.get(), state);
        }
        return states.item(entityId).map(now -> now.version() > state.version() || now.round() != state.round()).orElse(false);
    }

    /** The update under way finishes; the rest are left for the next catch-up. */
    @PreDestroy
    void stop() {
        stopping = true;
    }

    private void catchUp() {
        try {
            // Each item once per catch-up: a card Slack would not update now is tried again on the next one.
            Set<String> tried = new HashSet<>();
            List<String> outdated;
            while (!stopping && !(outdated = untried(cards.findOutdatedEntityIds(BATCH), tried)).isEmpty()) {
                for (String entityId : outdated) {
                    if (stopping) {
                        return;
                    }
                    tried.add(entityId);
                    sync(entityId);
                }
            }
            for (ApprovalItem item : items.findAuthorNoticeDue()) {
                if (stopping) {
                    return;
                }
                sync(item.entityId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Approval cards will be brought up to date on the next round: {}", e.toString());
        }
    }

    private static List<String> untried(List<String> entityIds, Set<String> tried) {
        return entityIds.stream().filter(id -> !tried.contains(id)).toList();
    }

    private void update(ApprovalCard card, CardState state) throws InterruptedException {
        try {
            CardMessages.Answer answer = messages.update(card, state);
            if (answer.ok() || answer.permanent()) {
                if (!answer.ok()) {
                    LOG.warn("Card {} in {} can no longer be updated: Slack says {}", card.id(), card.channelId(), answer.error());
                }
                cards.markRendered(card.id(), state.version());
            } else {
                LOG.info("Slack did not update card {} ({}); trying again later", card.id(), answer.error());
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Updating card {} got no clear answer from Slack; trying again later: {}", card.id(), e.toString());
        }
    }

    /** In the channel card's thread; as a DM when the item has no channel card; not at all for an unlinked author. */
    private void tellAuthor(ApprovalItem item, CardState state) throws InterruptedException {
        Optional<PersonLink> author = item.authorId() == null ? Optional.empty() : people.byOktopostUser(item.authorId());
        if (author.isEmpty()) {
            items.setAuthorNotice(item.entityId(), item.round(), ApprovalItem.NOTICE_SENT);
            return;
        }
        Optional<ApprovalCard> channelCard = cards.findByEntityIdAndRoundOrderById(item.entityId(), item.round()).stream()
                .filter(c -> ApprovalCard.CHANNEL.equals(c.kind())).findFirst();
        if (channelCard.isPresent() && (ApprovalCard.DUE.equals(channelCard.get().status())
                || ApprovalCard.POSTING.equals(channelCard.get().status()))) {
            return;
        }
        String text = ApprovalCards.authorNotice(state, author.get().slackUserId());
        boolean inThread = channelCard.isPresent() && ApprovalCard.POSTED.equals(channelCard.get().status());
        try {
            CardMessages.Answer answer = inThread
                    ? messages.reply(channelCard.get().channelId(), channelCard.get().ts(), text)
                    : messages.reply(author.get().slackUserId(), null, text);
            if (answer.ok() || answer.permanent()) {
                items.setAuthorNotice(item.entityId(), item.round(), ApprovalItem.NOTICE_SENT);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Telling the author of {} got no clear answer from Slack; trying again later: {}", item.entityId(), e.toString());
        }
    }
}
