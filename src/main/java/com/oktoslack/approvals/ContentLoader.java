package com.oktoslack.approvals;

import com.oktoslack.oktopost.ByIds;
import com.oktoslack.oktopost.Campaign;
import com.oktoslack.oktopost.Credential;
import com.oktoslack.oktopost.Media;
import com.oktoslack.oktopost.Message;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.oktopost.OktopostException;
import com.oktoslack.oktopost.Person;
import com.oktoslack.oktopost.Post;
import com.oktoslack.oktopost.PostQuery;
import com.oktoslack.oktopost.Story;
import com.oktoslack.oktopost.WorkflowItem;
import com.oktoslack.slack.Mrkdwn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.util.StringUtils;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the cards of a batch of items show, in as few Oktopost calls as it allows: messages by ids (100 per
 * list read, walking its pages), posts from the newest-modified list (a few one by one), stories one by one as
 * they are rare in approval. Campaigns and profiles come from the facade's cached lists. A card goes without
 * content only when Oktopost says there is none, and then says why.
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

    ContentLoader(Oktopost oktopost, ApprovalSettings settings) {
        this.oktopost = oktopost;
        this.openUrlTemplate = settings.oktopostUrl();
    }

    /** Content by entity id for every item given. */
    Map<String, CardContent> load(Collection<WorkflowItem> items, Map<String, Person> authors) {
        List<WorkflowItem> all = List.copyOf(items);
        Read<Post> posts = posts(ids(all, "post"));
        Read<Story> stories = readOneByOne(ids(all, "story"), "story", oktopost::story);
        Set<String> messageIds = new LinkedHashSet<>(ids(all, "message"));
        posts.found().values().stream().map(Post::messageId).filter(StringUtils::hasText).forEach(messageIds::add);
        ByIds<Message> messages = messageIds.isEmpty() ? new ByIds<>(Map.of(), Set.of()) : oktopost.messagesById(messageIds);
        Map<String, String> campaigns = all.isEmpty() ? Map.of() : campaignNames();
        Map<String, String> profiles = posts.found().isEmpty() ? Map.of() : profileNames();

        Map<String, CardContent> contents = new HashMap<>();
        for (WorkflowItem item : all) {
            String entityId = item.entityId();
            Person author = item.createdBy() == null ? null : authors.get(item.createdBy());
            String authorName = author == null ? null : author.name();
            CardContent content = switch (item.entityType()) {
                case "post" -> post(entityId, posts, messages, campaigns, profiles, authorName);
                case "story" -> story(entityId, stories, campaigns, authorName);
                default -> message(entityId, messages, null, campaigns, authorName, "message");
            };
            contents.put(entityId, content);
        }
        return contents;
    }

    /** What was read, and the ids Oktopost answered 404 for. */
    private record Read<T>(Map<String, T> found, Set<String> notFound) {
    }

    private CardContent post(String entityId, Read<Post> posts, ByIds<Message> messages, Map<String, String> campaigns,
                             Map<String, String> profiles, @Nullable String authorName) {
        Post post = posts.found().get(entityId);
        if (post == null) {
            return posts.notFound().contains(entityId)
                    ? CardContent.unavailable("post", null, authorName, openUrl(entityId, "post"), CardContent.NOT_FOUND)
                    : new CardContent("post", null, null, null, null, null, null, null, authorName, null, openUrl(entityId, "post"));
        }
        String profile = post.credentialIds().stream().map(id -> profiles.getOrDefault(id, id)).collect(Collectors.joining(", "));
        CardContent base = post.messageId() == null
                ? new CardContent("post", post.network(), null, null, null, null, null, null, authorName, null, openUrl(entityId, "post"))
                : message(post.messageId(), messages, post.network(), campaigns, authorName, "post");
        String campaign = base.campaign() != null ? base.campaign() : campaigns.get(post.campaignId());
        return new CardContent("post", base.network(), profile.isEmpty() ? null : profile, base.text(), base.linkUrl(),
                base.linkTitle(), base.imageUrl(), campaign, authorName, post.startAt(), openUrl(entityId, "post"),
                base.unavailable());
    }

    private CardContent message(String messageId, ByIds<Message> messages, @Nullable String network,
                                Map<String, String> campaigns, @Nullable String authorName, String kind) {
        Message message = messages.found().get(messageId);
        if (message == null) {
            String reason = messages.notFound().contains(messageId) ? CardContent.NOT_FOUND : null;
            return new CardContent(kind, network, null, null, null, null, null, null, authorName, null,
                    openUrl(messageId, kind), reason);
        }
        String image = StringUtils.hasText(message.imageUrl()) ? message.imageUrl()
                : message.media().stream().map(Media::resource).filter(Mrkdwn::isWebUrl).findFirst().orElse(null);
        return new CardContent(kind, network != null ? network : message.network(), null, message.message(),
                blankToNull(message.linkUrl()), blankToNull(message.linkTitle()), blankToNull(image),
                message.campaignId() == null ? null : campaigns.get(message.campaignId()), authorName, null,
                openUrl(messageId, kind));
    }

    private CardContent story(String entityId, Read<Story> stories, Map<String, String> campaigns,
                              @Nullable String authorName) {
        Story story = stories.found().get(entityId);
        if (story == null) {
            return CardContent.unavailable("story", null, authorName, openUrl(entityId, "story"),
                    stories.notFound().contains(entityId) ? CardContent.NOT_FOUND : null);
        }
        String title = story.title() == null ? "" : story.title().strip();
        String description = story.description() == null ? "" : story.description().strip();
        String text = title.isEmpty() ? description : description.isEmpty() ? title : title + "\n\n" + description;
        CardContent content = new CardContent("story", null, null, text, blankToNull(story.linkUrl()),
                blankToNull(story.linkTitle()), blankToNull(story.imageUrl()),
                story.campaignId() == null ? null : campaigns.get(story.campaignId()), authorName, story.publishAt(),
                openUrl(entityId, "story"));
        return "deleted".equalsIgnoreCase(story.status()) ? content.withUnavailable(CardContent.GONE) : content;
    }

    private Read<Post> posts(List<String> ids) {
        Map<String, Post> found = new HashMap<>();
        if (ids.size() > POSTS_ONE_BY_ONE) {
            // Posts just sent to approval were just modified: the newest-modified pages hold them.
            int pages = ids.size() / 100 + 2;
            oktopost.allPosts(PostQuery.all().orderBy("modified,0"), pages, read -> read.stream()
                            .map(Post::id).collect(Collectors.toSet()).containsAll(ids)).stream()
                    .filter(p -> ids.contains(p.id())).forEach(p -> found.put(p.id(), p));
        }
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        Read<Post> single = readOneByOne(missing, "post", oktopost::post);
        found.putAll(single.found());
        return new Read<>(found, single.notFound());
    }

    private <T> Read<T> readOneByOne(List<String> ids, String what, Function<String, T> read) {
        if (ids.size() > MAX_SINGLE_READS) {
            LOG.warn("{} {}s in one batch; reading {} of them, the others' cards show less", ids.size(), what, MAX_SINGLE_READS);
        }
        Map<String, T> found = new HashMap<>();
        Set<String> notFound = new HashSet<>();
        for (String id : ids.subList(0, Math.min(ids.size(), MAX_SINGLE_READS))) {
            try {
                found.put(id, read.apply(id));
            } catch (OktopostException.NotFound gone) {
                LOG.info("Oktopost has no {} {} (or does not show it to the API user)", what, id);
                notFound.add(id);
            }
        }
        return new Read<>(found, notFound);
    }

    private Map<String, String> campaignNames() {
        return oktopost.campaigns(null).stream().collect(Collectors.toMap(Campaign::id, Campaign::name, (a, b) -> a));
    }

    private Map<String, String> profileNames() {
        return oktopost.credentials(null).stream().collect(Collectors.toMap(Credential::id,
                c -> StringUtils.hasText(c.displayName()) ? c.displayName() : StringUtils.hasText(c.name()) ? c.name() : c.id(),
                (a, b) -> a));
    }

    private String openUrl(String entityId, String kind) {
        return openUrlTemplate.replace("{entityId}", entityId).replace("{type}", kind);
    }

    private static List<String> ids(List<WorkflowItem> items, String type) {
        return items.stream().filter(i -> type.equals(i.entityType())).map(WorkflowItem::entityId).distinct().toList();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return StringUtils.hasText(text) ? text.strip() : null;
    }
}
