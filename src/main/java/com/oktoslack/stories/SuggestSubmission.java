package com.oktoslack.stories;

import com.oktoslack.slack.FormValues;
import com.oktoslack.slack.Modals;
import com.oktoslack.slack.Mrkdwn;
import com.oktoslack.slack.SlackListener;
import com.oktoslack.slack.SlackValueCodec;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;


/** The suggest modal's submit: checked while Slack waits, then the story is created after the ack. */
@Singleton
class SuggestSubmission implements SlackListener {

    private static final Logger LOG = LoggerFactory.getLogger(SuggestSubmission.class);

    private final StoryRequests requests;

    SuggestSubmission(StoryRequests requests) {
        this.requests = requests;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(StoryViews.SUGGEST_CALLBACK, this::submitted);
    }

    private Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        View view = request.getPayload().getView();
        Optional<SuggestMetadata> read = SlackValueCodec.read(view.getPrivateMetadata(), SuggestMetadata.class);
        if (read.isEmpty()) {
            LOG.warn("A suggest modal came back without its metadata (view {})", view.getId());
            return context.ackWithUpdate(Modals.notice(SuggestModal.TITLE,
                    "This form is out of date. Close it and use the shortcut on the message again."));
        }
        SuggestMetadata metadata = read.get();
        FormValues values = FormValues.of(view);
        Map<String, String> errors = new LinkedHashMap<>();

        String title = values.text(StoryViews.TITLE_BLOCK, StoryViews.TITLE_ACTION);
        if (title.isEmpty()) {
            errors.put(StoryViews.TITLE_BLOCK, "Give the story a title.");
        }
        String description = values.text(StoryViews.DESCRIPTION_BLOCK, StoryViews.DESCRIPTION_ACTION);
        if (description.isEmpty()) {
            errors.put(StoryViews.DESCRIPTION_BLOCK, "Describe the story for advocates.");
        }
        String link = values.text(StoryViews.LINK_BLOCK, StoryViews.LINK_ACTION);
        if (!link.isEmpty() && !Mrkdwn.isWebUrl(link)) {
            errors.put(StoryViews.LINK_BLOCK, "That is not a web address; it should start with https://.");
        }
        Optional<ViewState.SelectedOption> campaign = values.selected(StoryViews.CAMPAIGN_BLOCK, StoryViews.CAMPAIGN_ACTION);
        if (campaign.isEmpty()) {
            errors.put(StoryViews.CAMPAIGN_BLOCK, "Pick the campaign the story belongs to.");
        }
        Optional<ViewState.SelectedOption> board = values.selected(StoryViews.BOARD_BLOCK, StoryViews.BOARD_ACTION);
        String boardId = metadata.boardId() != null ? metadata.boardId() : board.map(ViewState.SelectedOption::getValue).orElse(null);
        if (boardId == null) {
            errors.put(StoryViews.BOARD_BLOCK, "Pick the board for the story.");
        }
        if (!errors.isEmpty()) {
            return context.ackWithErrors(errors);
        }
        String boardName = metadata.boardName() != null ? metadata.boardName() : FormValues.label(board.get());
        Optional<ViewState.SelectedOption> workflow = metadata.draftOnly() ? Optional.empty()
                : values.selected(StoryViews.WORKFLOW_BLOCK, StoryViews.WORKFLOW_ACTION);
        SuggestPlan plan = new SuggestPlan(boardId, boardName, title, description, campaign.get().getValue(),
                link.isEmpty() ? null : link, workflow.map(ViewState.SelectedOption::getValue).orElse(null),
                workflow.map(FormValues::label).orElse(null), metadata.channelId(), metadata.messageTs(),
                SuggestPlan.TODO, null);
        if (requests.accept(view.getId(), SuggestWork.KIND, request.getPayload().getUser().getId(), plan)) {
            requests.start(view.getId());
        } else {
            LOG.info("Suggest modal {} was submitted again; the story is created once", view.getId());
        }
        return context.ack();
    }
}
