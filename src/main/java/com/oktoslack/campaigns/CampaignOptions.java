package com.oktoslack.campaigns;

import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.SlackListener;

import com.oktoslack.oktopost.Campaign;
import com.oktoslack.oktopost.Oktopost;
import com.slack.api.app_backend.interactive_components.response.BlockSuggestionResponse;
import com.slack.api.app_backend.interactive_components.response.Option;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.BlockSuggestionContext;
import com.slack.api.bolt.request.builtin.BlockSuggestionRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The type-ahead of every campaign field (the forms use {@link #ACTION} for it), from the cached campaign list.
 * Slack waits 3 seconds for options; when the list has to be fetched and takes longer, the answer is empty and
 * the fetch goes on to fill the cache.
 */
@Singleton
public class CampaignOptions implements SlackListener {

    public static final String ACTION = "campaign_select";

    static final long ANSWER_WITHIN_MILLIS = 2000;
    /** Slack's limits for an options answer. */
    private static final int MAX_OPTIONS = 100;
    private static final int MAX_OPTION_TEXT = 75;

    private static final Logger LOG = LoggerFactory.getLogger(CampaignOptions.class);

    private final Oktopost oktopost;
    private final ExecutorService executor;

    CampaignOptions(Oktopost oktopost, @Named("after-ack") ExecutorService executor) {
        this.oktopost = oktopost;
        this.executor = executor;
    }

    @Override
    public void register(App app) {
        app.blockSuggestion(ACTION, this::options);
    }

    private Response options(BlockSuggestionRequest request, BlockSuggestionContext context) {
        String typed = request.getPayload().getValue();
        CompletableFuture<List<Campaign>> found = CompletableFuture.supplyAsync(() -> oktopost.campaigns(typed), executor);
        List<Campaign> campaigns;
        try {
            campaigns = found.get(ANSWER_WITHIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info("Campaigns took too long for the type-ahead; answering with none this time");
            campaigns = List.of();
        } catch (ExecutionException e) {
            LOG.warn("Campaigns could not be listed for the type-ahead", e.getCause());
            campaigns = List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            campaigns = List.of();
        }
        List<Option> options = campaigns.stream()
                .limit(MAX_OPTIONS)
                .map(c -> new Option(plainText(Mrkdwn.cut(c.name(), MAX_OPTION_TEXT)), c.id()))
                .toList();
        return context.ack(BlockSuggestionResponse.builder().options(options).build());
    }
}
