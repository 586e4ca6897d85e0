package com.oktoslack.testing;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.Message;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake refuses what Slack refuses, so a test passing against it means Slack would take the calls too. */
class FakeSlackTest {

    private FakeSlack slack;
    private Slack client;

    @BeforeEach
    void start() {
        slack = FakeSlack.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        client = Slack.getInstance(config);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        slack.close();
    }

    private MethodsClient bot() {
        return client.methods(FakeSlack.BOT_TOKEN);
    }

    @Test
    void aWrongTokenIsInvalidAuth() throws Exception {
        ChatPostMessageResponse response = client.methods("xoxb-other").chatPostMessage(r -> r.channel("C1").text("hi"));

        assertFalse(response.isOk());
        assertEquals("invalid_auth", response.getError());
        assertTrue(slack.messages().isEmpty());
        assertTrue(bot().chatPostMessage(r -> r.channel("C1").text("hi")).isOk());
    }

    @Test
    void anUnknownMethodIsUnknownMethod() throws Exception {
        assertEquals("unknown_method", bot().reactionsAdd(r -> r.channel("C1").timestamp("1.0").name("eyes")).getError());
        assertThrows(IllegalArgumentException.class, () -> slack.on("chat.postMesage", call -> Map.of("ok", true)));
    }

    @Test
    void historyServesPostedMessagesWithTheirMetadataNewestFirst() throws Exception {
        String first = bot().chatPostMessage(r -> r.channel("C1").text("one")).getTs();
        String second = postWithMetadata("C1", "two", Map.of("id", "42"));
        bot().chatPostMessage(r -> r.channel("C2").text("elsewhere"));

        ConversationsHistoryResponse history = bot().conversationsHistory(r -> r.channel("C1").includeAllMetadata(true));
        List<Message> messages = history.getMessages();
        assertEquals(List.of(second, first), messages.stream().map(Message::getTs).toList());
        assertEquals("okto_card", messages.get(0).getMetadata().getEventType());
        assertEquals("42", messages.get(0).getMetadata().getEventPayload().get("id"));
        assertNull(messages.get(1).getMetadata());

        ConversationsHistoryResponse bare = bot().conversationsHistory(r -> r.channel("C1"));
        assertNull(bare.getMessages().get(0).getMetadata(), "metadata only when asked for");
    }

    private String postWithMetadata(String channel, String text, Map<String, Object> payload) throws Exception {
        ChatPostMessageResponse response = bot().chatPostMessage(r -> r.channel(channel).text(text)
                .metadata(Message.Metadata.builder().eventType("okto_card").eventPayload(payload).build()));
        assertTrue(response.isOk(), response.getError());
        return response.getTs();
    }

    @Test
    void moreThanFiftyBlocksInAMessageAreInvalidBlocks() throws Exception {
        assertEquals("invalid_blocks", post(sections(51, "x")).getError());
        assertTrue(post(sections(50, "x")).isOk());
    }

    @Test
    void textBeyondTheSectionAndHeaderLimitsIsInvalidBlocks() throws Exception {
        assertEquals("invalid_blocks", post(sections(1, "x".repeat(3001))).getError());
        assertTrue(post(sections(1, "x".repeat(3000))).isOk());
        assertEquals("invalid_blocks", post("[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\""
                + "x".repeat(151) + "\"}}]").getError());
        assertTrue(post("[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + "x".repeat(150) + "\"}}]").isOk());
    }

    @Test
    void buttonsBeyondTheirLimitsAreInvalidBlocks() throws Exception {
        assertTrue(post(button("x".repeat(75), "v".repeat(2000), "a".repeat(255))).isOk());
        assertEquals("invalid_blocks", post(button("x".repeat(76), "v", "a")).getError());
        assertEquals("invalid_blocks", post(button("x", "v".repeat(2001), "a")).getError());
        assertEquals("invalid_blocks", post(button("x", "v", "a".repeat(256))).getError());
    }

    @Test
    void aModalTakesAHundredBlocksAndNoMore() throws Exception {
        assertTrue(openView(sections(100, "x")).isOk());
        assertEquals("invalid_arguments", openView(sections(101, "x")).getError());
    }

    @Test
    void aBrokenResponseUrlMessageIsRefusedToo() throws Exception {
        var response = client.send(slack.responseUrl("r1"), "{\"blocks\":" + sections(51, "x") + "}");
        assertTrue(response.getBody().contains("invalid_blocks"), response.getBody());
    }

    private ChatPostMessageResponse post(String blocks) throws Exception {
        return bot().chatPostMessage(r -> r.channel("C1").text("fallback").blocksAsString(blocks));
    }

    private com.slack.api.methods.response.views.ViewsOpenResponse openView(String blocks) throws Exception {
        String view = "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"Form\"},\"blocks\":" + blocks + "}";
        return bot().viewsOpen(r -> r.triggerId("t1").viewAsString(view));
    }

    private static String sections(int count, String text) {
        StringBuilder blocks = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            blocks.append(i == 0 ? "" : ",").append("{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"")
                    .append(text).append("\"}}");
        }
        return blocks.append("]").toString();
    }

    private static String button(String text, String value, String actionId) {
        return "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"text\":{\"type\":\"plain_text\",\"text\":\""
                + text + "\"},\"value\":\"" + value + "\",\"action_id\":\"" + actionId + "\"}]}]";
    }

    // ---- files.uploadV2: the SDK's three steps go through, and a completion Slack would refuse is refused

    @Test
    void theSdksUploadV2SharesTheBytesInTheChannel() throws Exception {
        byte[] bytes = "a,b\r\n\"1\",\"2\"\r\n".getBytes(StandardCharsets.UTF_8);

        FilesUploadV2Response response = bot().filesUploadV2(r -> r.channel("D0ADA").filename("x.csv").title("X")
                .fileData(bytes).initialComment("here").requestFileInfo(false));

        assertTrue(response.isOk(), response.getError());
        List<FakeSlack.Upload> shared = slack.sharedFiles();
        assertEquals(1, shared.size());
        assertArrayEquals(bytes, shared.get(0).bytes());
        assertEquals("D0ADA", shared.get(0).channel());
        assertEquals("X", shared.get(0).title());
        assertEquals("here", shared.get(0).initialComment());
    }

    @Test
    void completingAnUnknownFileOrOneWhoseBytesNeverCameIsRefused() throws Exception {
        FilesCompleteUploadExternalResponse unknown = complete("F0NOPE");
        assertFalse(unknown.isOk());
        assertEquals("file_not_found", unknown.getError());

        FilesGetUploadURLExternalResponse url = bot().filesGetUploadURLExternal(r -> r.filename("y.csv").length(4));
        assertTrue(url.isOk());
        assertEquals("file_not_found", complete(url.getFileId()).getError(), "nothing uploaded yet");

        assertEquals(200, post(url.getUploadUrl(), "abc"));
        assertEquals("file_not_found", complete(url.getFileId()).getError(), "3 bytes where 4 were announced");
        assertEquals(200, post(url.getUploadUrl(), "abcd"));
        assertTrue(complete(url.getFileId()).isOk());
        assertEquals("file_not_found", complete(url.getFileId()).getError(), "already completed");
        assertEquals(1, slack.sharedFiles().size());
        assertEquals("abcd", slack.sharedFiles().get(0).text());
        assertEquals("invalid_arguments", bot().filesGetUploadURLExternal(r -> r.filename("z.csv").length(0)).getError());
    }

    private FilesCompleteUploadExternalResponse complete(String fileId) throws Exception {
        return bot().filesCompleteUploadExternal(FilesCompleteUploadExternalRequest.builder().channelId("C1")
                .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(fileId).title("t").build())).build());
    }

    private static int post(String url, String body) throws Exception {
        try (Response response = new OkHttpClient().newCall(new Request.Builder().url(url)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8))).build()).execute()) {
            return response.code();
        }
    }
}
