package com.oktoslack.approvals;

import com.oktoslack.oktopost.Campaign;
import com.oktoslack.oktopost.Credential;
import com.oktoslack.oktopost.Media;
import com.oktoslack.oktopost.Message;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Page;
import com.oktoslack.oktopost.Person;
import com.oktoslack.oktopost.Post;
import com.oktoslack.oktopost.PostQuery;
import com.oktoslack.oktopost.Story;
import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.slack.Mrkdwn;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the cards of a batch of items show, in as few Oktopost calls as it allows: messages by ids (100 per
 * call), posts from the newest-modified list (a few one by one), stories one by one as they are rare in
 * approval. Campaigns and profiles come from the facade's cached lists.
 */
@Singleton
class ContentLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ContentLoader.class);
    /** Up to this many posts are read one by one; more are looked for in the post list first. */
    static final int POSTS_ONE_BY_ONE = 3;
    /** One-by-one reads per batch at most, so a strange burst cannot spend the account's budget. */
    static final int MAX_SINGLE_READS = 50;

    private final Oktopost oktopost;
    private final String openUrlTemplate;

    ContentLoader(Oktopost oktopost,
                  @Value("${okto.approvals.oktopost-url:https://app.oktopost.com/}") String openUrlTemplate) {
        this.oktopost = oktopost;
        this.openUrlTemplate = openUrlTemplate;
    }

    /** Content by entity id for every item given. */
    Map<String, CardContent> load(Collection<WorkflowItem> items, Map<String, Person> authors) {
        List<WorkflowItem> all = List.copyOf(items);
        Map<String, Post> posts = posts(ids(all, "post"));
        Map<String, Story> stories = stories(ids(all, "story"));
        Set<String> messageIds = new LinkedHashSet<>(ids(all, "message"));
        posts.values().stream().map(Post::messageId).filter(Mrkdwn::present).forEach(messageIds::add);
        Map<String, Message> messages = messageIds.isEmpty() ? Map.of()
                : oktopost.messages(messageIds).stream().collect(Collectors.toMap(Message::id, Function.identity(), (a, b) -> a));
        Map<String, String> campaigns = all.isEmpty() ? Map.of() : campaignNames();
        Map<String, String> profiles = posts.isEmpty() ? Map.of() : profileNames();

        Map<String, CardContent> contents = new HashMap<>();
        for (WorkflowItem item : all) {
            String entityId = item.entityId();
            Person author = item.createdBy() == null ? null : authors.get(item.createdBy());
            String authorName = author == null ? null : author.name();
            CardContent content = switch (item.entityType()) {
                case "post" -> post(entityId, posts.get(entityId), messages, campaigns, profiles, authorName);
                case "story" -> story(entityId, stories.get(entityId), campaigns, authorName);
                default -> message(entityId, messages.get(entityId), null, campaigns, authorName, "message");
            };
            contents.put(entityId, content);
        }
        return contents;
    }

    private CardContent post(String entityId, @Nullable Post post, Map<String, Message> messages,
                             Map<String, String> campaigns, Map<String, String> profiles, @Nullable String authorName) {
        if (post == null) {
            return message(entityId, null, null, campaigns, authorName, "post");
        }
        Message message = post.messageId() == null ? null : messages.get(post.messageId());
        String profile = post.credentialIds().stream().map(id -> profiles.getOrDefault(id, id)).collect(Collectors.joining(", "));
        CardContent base = message(entityId, message, post.network(), campaigns, authorName, "post");
        String campaign = base.campaign() != null ? base.campaign() : campaigns.get(post.campaignId());
        return new CardContent("post", base.network(), profile.isEmpty() ? null : profile, base.text(), base.linkUrl(),
                base.linkTitle(), base.imageUrl(), campaign, authorName, post.startAt(), base.openUrl());
    }

    private CardContent message(String entityId, @Nullable Message message, @Nullable String network,
                                Map<String, String> campaigns, @Nullable String authorName, String kind) {
        if (message == null) {
            return new CardContent(kind, network, null, null, null, null, null, null, authorName, null, openUrl(entityId, kind));
        }
        String image = Mrkdwn.present(message.imageUrl()) ? message.imageUrl()
                : message.media().stream().map(Media::resource).filter(Mrkdwn::isWebUrl).findFirst().orElse(null);
        return new CardContent(kind, network != null ? network : message.network(), null, message.message(),
                blankToNull(message.linkUrl()), blankToNull(message.linkTitle()), blankToNull(image),
                message.campaignId() == null ? null : campaigns.get(message.campaignId()), authorName, null,
                openUrl(entityId, kind));
    }

    private CardContent story(String entityId, @Nullable Story story, Map<String, String> campaigns,
                              @Nullable String authorName) {
        if (story == null) {
            return new CardContent("story", null, null, null, null, null, null, null, authorName, null, openUrl(entityId, "story"));
        }
        String title = story.title() == null ? "" : story.title().strip();
        String description = story.description() == null ? "" : story.description().strip();
        String text = title.isEmpty() ? description : description.isEmpty() ? title : title + "\n\n" + description;
        return new CardContent("story", null, null, text, blankToNull(story.linkUrl()), blankToNull(story.linkTitle()),
                blankToNull(story.imageUrl()), story.campaignId() == null ? null : campaigns.get(story.campaignId()),
                authorName, story.publishAt(), openUrl(entityId, "story"));
    }

    private Map<String, Post> posts(List<String> ids) {
        Map<String, Post> found = new HashMap<>();
        if (ids.size() > POSTS_ONE_BY_ONE) {
            // Posts just sent to approval were just modified: the newest-modified pages hold them.
            int pages = ids.size() / 100 + 2;
            PostQuery query = PostQuery.all().orderBy("modified,0");
            for (int page = 0; page < pages && !found.keySet().containsAll(ids); page++) {
                Page<Post> one = oktopost.posts(query.withPage(page));
                one.items().stream().filter(p -> ids.contains(p.id())).forEach(p -> found.put(p.id(), p));
                if (one.items().size() < query.count()) {
                    break;
                }
            }
        }
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        readOneByOne(missing, "post", oktopost::post).forEach(p -> found.put(p.id(), p));
        return found;
    }

    private Map<String, Story> stories(List<String> ids) {
        Map<String, Story> found = new HashMap<>();
        readOneByOne(ids, "story", oktopost::story).forEach(s -> found.put(s.id(), s));
        return found;
    }

    private <T> List<T> readOneByOne(List<String> ids, String what, Function<String, T> read) {
        if (ids.size() > MAX_SINGLE_READS) {
            LOG.warn("{} {}s in one batch; reading {} of them, the others' cards show less", ids.size(), what, MAX_SINGLE_READS);
        }
        List<T> read1 = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(ids.size(), MAX_SINGLE_READS))) {
            try {
                read1.add(read.apply(id));
            } catch (OktopostException.NotFound gone) {
                LOG.info("Oktopost has no {} {} any more", what, id);
            }
        }
        return read1;
    }

    private Map<String, String> campaignNames() {
        return oktopost.campaigns(null).stream().collect(Collectors.toMap(Campaign::id, Campaign::name, (a, b) -> a));
    }

    private Map<String, String> profileNames() {
        return oktopost.credentials(null).stream().collect(Collectors.toMap(Credential::id,
                c -> Mrkdwn.present(c.displayName()) ? c.displayName() : Mrkdwn.present(c.name()) ? c.name() : c.id(),
                (a, b) -> a));
    }

    private String openUrl(String entityId, String kind) {
        return openUrlTemplate.replace("{entityId}", entityId).replace("{type}", kind);
    }

    private static List<String> ids(List<WorkflowItem> items, String type) {
        return items.stream().filter(i -> type.equals(i.entityType())).map(WorkflowItem::entityId).distinct().toList();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return Mrkdwn.present(text) ? text.strip() : null;
    }
}
