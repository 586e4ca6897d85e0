package com.oktoslack.testing;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** files.uploadV2 against the fake: the SDK's three steps go through, and a completion Slack would refuse is refused. */
class FakeSlackFilesTest {

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
