package com.oktoslack.slack;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackKitTest {

    record Ref(String id, Integer round) {
    }

    @Test
    void slackErrorsAreKindsThatSayWhetherToGiveUp() {
        assertInstanceOf(SlackError.ChannelArchived.class, SlackError.of("is_archived"));
        assertInstanceOf(SlackError.NotInChannel.class, SlackError.of("not_in_channel"));
        assertInstanceOf(SlackError.ChannelNotFound.class, SlackError.of("channel_not_found"));
        assertInstanceOf(SlackError.MessageNotFound.class, SlackError.of("message_not_found"));
        assertInstanceOf(SlackError.GiveUp.class, SlackError.of("invalid_blocks"));
        assertInstanceOf(SlackError.Transient.class, SlackError.of("internal_error"));
        assertTrue(SlackError.of("is_archived").permanent());
        assertTrue(SlackError.of("msg_too_long").permanent());
        assertFalse(SlackError.of("ratelimited").permanent());
        assertFalse(SlackError.of("something_new").permanent());
        assertFalse(SlackError.of((String) null).permanent());
    }

    @Test
    void aRateLimitCarriesSlacksRetryAfter() {
        ChatPostMessageResponse response = new ChatPostMessageResponse();
        response.setOk(false);
        response.setError("ratelimited");
        response.setHttpResponseHeaders(Map.of("retry-after", List.of("7")));
        SlackError error = SlackError.of(response);
        assertEquals(new SlackError.RateLimited("ratelimited", Duration.ofSeconds(7)), error);
        assertEquals(Duration.ofSeconds(1), ((SlackError.RateLimited) SlackError.of("ratelimited")).retryAfter());
    }

    @Test
    void theCodecLeavesNullsOutAndReadsStaleOrForgedValuesAsEmpty() {
        assertEquals("{\"id\":\"a\"}", SlackValueCodec.write(new Ref("a", null)));
        assertEquals(new Ref("a", 2), SlackValueCodec.read("{\"id\":\"a\",\"round\":2,\"added\":true}", Ref.class).orElseThrow());
        assertTrue(SlackValueCodec.read("not json", Ref.class).isEmpty());
        assertTrue(SlackValueCodec.read("", Ref.class).isEmpty());
        assertTrue(SlackValueCodec.read(null, Ref.class).isEmpty());
    }

    @Test
    void formValuesReadWhatSlackSentAndTreatWhatItLeftOutAsEmpty() {
        ViewState.Value text = new ViewState.Value();
        text.setValue("  hello \n");
        ViewState.SelectedOption picked = new ViewState.SelectedOption();
        picked.setValue("c1");
        picked.setText(new PlainTextObject("Campaign one", false));
        ViewState.SelectedOption blank = new ViewState.SelectedOption();
        blank.setValue(" ");
        ViewState.Value select = new ViewState.Value();
        select.setSelectedOption(picked);
        select.setSelectedOptions(List.of(picked, blank));
        ViewState state = new ViewState();
        state.setValues(Map.of("t", Map.of("ta", text), "s", Map.of("sa", select)));
        View view = new View();
        view.setState(state);

        FormValues form = FormValues.of(view);
        assertEquals("hello", form.text("t", "ta"));
        assertEquals("", form.text("missing", "ta"));
        assertEquals("Campaign one", FormValues.label(form.selected("s", "sa").orElseThrow()));
        assertEquals(List.of(picked), form.selectedAll("s", "sa"));
        assertTrue(FormValues.of(new View()).selected("s", "sa").isEmpty());
    }

    @Test
    void aNoticeKeepsWithinSlacksLimits() {
        View notice = Modals.notice("A title far longer than Slack allows", "x".repeat(5000));
        assertTrue(notice.getTitle().getText().length() <= BlockKitLimits.MODAL_TITLE);
        String section = ((com.slack.api.model.block.SectionBlock) notice.getBlocks().get(0)).getText().getText();
        assertEquals(BlockKitLimits.SECTION_TEXT, section.length());
    }
}
