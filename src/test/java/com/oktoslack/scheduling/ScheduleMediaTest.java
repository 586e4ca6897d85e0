package com.oktoslack.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oktoslack.oktopost.Oktopost;
import com.oktoslack.testing.AppTestBase;
import com.oktoslack.testing.FakeOktopost;
import com.oktoslack.testing.FakeSlack;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.oktoslack.scheduling.ScheduleModalTest.block;
import static com.oktoslack.scheduling.ScheduleModalTest.element;
import static com.oktoslack.scheduling.ScheduleModalTest.values;
import static com.oktoslack.scheduling.ScheduleViews.*;
import static com.oktoslack.scheduling.ScheduleWorld.MIA;
import static com.oktoslack.scheduling.ScheduleWorld.MIA_ZONE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images and videos from Slack: the fake Slack serves each file only with the bot token, and the fake Oktopost
 * fetches it from the app's public path over HTTP (HEAD, then ranged GETs) before the message is made with it.
 */
@MicronautTest(transactional = false)
class ScheduleMediaTest extends AppTestBase {

    private final int port = freePort();
    private ScheduleWorld world;
    private String instagram;

    @Inject
    ScheduleRequestRepository requests;

    @Inject
    Oktopost oktopostFacade;

    @MockBean(Clock.class)
    Clock clock() {
        return ScheduleWorld.clock();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.port", Integer.toString(port), "okto.public-url", "http://127.0.0.1:" + port + "/");
    }

    @BeforeEach
    void freshWorld() {
        slack.reset();
        oktopost.reset().clearRoutes().clearData();
        world = new ScheduleWorld(oktopost, slack);
        instagram = oktopost.addCredential("Instagram", "Acme on Instagram").get("Id").asText();
        oktopostFacade.forgetCachedLists();
        slack.on("views.open", call -> Map.of("ok", true, "view", Map.of("id", "V0OPENED", "hash", "h-open")));
    }

    // ---- from a message

    @Test
    void anImageOnASlackMessageReachesOktopostByteForByteAndTheMessageCarriesIt() throws Exception {
        byte[] image = bytes(10_000, 1);
        Map<String, Object> file = slack.addFile("F0IMAGE", "launch.png", "image/png", image);
        JsonNode form = shortcutForm("shortcut-image", List.of(file));
        String context = form.toString();
        assertTrue(context.contains("Attached from the message: *launch.png*"), context);

        HttpResponse<String> response = submit(form, "V0IMAGE", linkedIn());
        assertFalse(response.body().contains("errors"), response.body());
        String text = outcome("shortcut-image");

        assertTrue(text.contains("Scheduled 1 post") && text.contains("With 1 image"), text);
        List<ObjectNode> media = oktopost.media();
        assertEquals(1, media.size());
        String mediaId = media.get(0).path("Id").asText();
        assertArrayEquals(image, oktopost.mediaBytes(mediaId), "the file reached Oktopost byte for byte");

        FakeOktopost.RecordedRequest upload = oktopost.last("POST", "/upload");
        assertEquals("image/png", upload.param("mimeType"));
        assertEquals("launch.png", upload.param("name"));
        String source = upload.param("source");
        assertTrue(source.matches("http://127\\.0\\.0\\.1:" + port + "/media/[A-Za-z0-9_-]{43}"), source);
        assertTrue(oktopost.requests("GET", "/upload").size() >= 2, "polled until complete");
        assertEquals(List.of("HEAD 200", "GET bytes=0-4095 206", "GET bytes=4096-8191 206", "GET bytes=8192-9999 206"),
                oktopost.fetchLog());
        slack.fileReads().forEach(read -> {
            assertEquals("Bearer " + FakeSlack.BOT_TOKEN, read.authorization());
            assertEquals(206, read.status());
        });

        FakeOktopost.RecordedRequest message = oktopost.last("POST", "/message");
        assertEquals(mediaId, message.param("media"));
        assertEquals("LinkedIn", message.param("network"));
        ObjectNode created = oktopost.messages().get(0);
        assertEquals(mediaId, created.path("Media").get(0).path("Id").asText());
        assertEquals(1, oktopost.posts().size());
        assertTrue(oktopost.requests("POST", "/").stream().map(FakeOktopost.RecordedRequest::path).toList()
                        .indexOf("/message") > 0, "the message is made once the media exist");

        assertEquals(404, request("HEAD", source).statusCode(), "the path closes once Oktopost has the file");
        assertEquals(404, request("GET", source).statusCode());
        assertEquals(404, request("GET", "http://127.0.0.1:" + port + "/media/" + "A".repeat(43)).statusCode());
    }

    @Test
    void anUploadThatFailsIsToldAndLeavesNothingInOktopost() throws Exception {
        Map<String, Object> kept = slack.addFile("F0KEPT", "one.jpg", "image/jpeg", bytes(3000, 2));
        Map<String, Object> gone = slack.addFile("F0GONE", "two.jpg", "image/jpeg", bytes(3000, 3));
        JsonNode form = shortcutForm("shortcut-gone", List.of(kept, gone));
        slack.removeFile("F0GONE");

        submit(form, "V0GONE", linkedIn());
        String text = outcome("shortcut-gone");

        assertTrue(text.contains("not* scheduled") && text.contains("two.jpg") && text.contains("Slack did not give me the file"), text);
        assertTrue(text.contains("Nothing was created in Oktopost"), text);
        assertEquals(List.of(), oktopost.media(), "the image Oktopost had taken is deleted again");
        assertEquals(1, oktopost.count("DELETE", "/media"));
        assertEquals(List.of(), oktopost.messages());
        assertEquals(List.of(), oktopost.posts());
        assertEquals(ScheduleRequest.UNDONE, requests.findById("V0GONE").orElseThrow().status());
        String source = oktopost.requests("POST", "/upload").get(0).param("source");
        assertEquals(404, request("HEAD", source).statusCode(), "a failed batch closes its paths");
    }

    @Test
    void aMessageWithMoreImagesThanXTakesGetsAnErrorNextToTheNetworks() {
        List<Map<String, Object>> files = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            files.add(slack.addFile("F0MANY" + i, "shot" + i + ".png", "image/png", bytes(100, i)));
        }
        JsonNode form = shortcutForm("shortcut-many", files);

        HttpResponse<String> response = submit(form, "V0MANY", new ScheduleForms.Values().text("Five shots")
                .networks("Twitter").profile("Twitter", world.acmeX, "Acme on X")
                .campaign(world.springCampaign, "Spring launch").at("2030-01-16", "09:30", MIA_ZONE));

        JsonNode errors = ScheduleForms.json(response.body()).path("errors");
        assertEquals("X (Twitter) takes at most 4 images or videos in a post; there are 5.", errors.path(NETWORKS_BLOCK).asText());
        assertEquals(0, oktopost.count("POST", "/upload"), "nothing is uploaded for a form with errors");
    }

    // ---- from the form's file field

    @Test
    void aVideoGoesToYouTubeWithItsTitle() throws Exception {
        byte[] video = bytes(9000, 7);
        Map<String, Object> file = slack.addFile("F0VIDEO", "launch.mp4", "video/mp4", video);
        JsonNode form = commandForm("schedule-video");
        assertEquals("file_input", element(form, MEDIA_BLOCK).path("type").asText());
        assertTrue(values(element(form, NETWORKS_BLOCK).path("options")).contains("Youtube"));
        assertTrue(block(form, VIDEO_TITLE_BLOCK).path("optional").asBoolean());

        HttpResponse<String> response = submit(form, "V0VIDEO", new ScheduleForms.Values().text("Our spring launch, in 90 seconds.")
                .networks("Youtube").profile("Youtube", world.youtube, "Acme videos")
                .campaign(world.springCampaign, "Spring launch").at("2030-01-16", "09:30", MIA_ZONE)
                .files(List.of(file)).videoTitle("Spring launch film"));
        assertFalse(response.body().contains("errors"), response.body());
        String text = outcome("schedule-video");

        assertTrue(text.contains("Scheduled 1 post") && text.contains("With 1 video"), text);
        String mediaId = oktopost.media().get(0).path("Id").asText();
        assertArrayEquals(video, oktopost.mediaBytes(mediaId));
        assertEquals("video/mp4", oktopost.last("POST", "/upload").param("mimeType"));
        assertEquals(1, oktopost.count("GET", "/video-validate"));
        FakeOktopost.RecordedRequest message = oktopost.last("POST", "/message");
        assertEquals("Youtube", message.param("network"));
        assertEquals("Spring launch film", message.param("title"));
        assertEquals(mediaId, message.param("media"));
        assertEquals(world.youtube, oktopost.last("POST", "/post").param("credentialIds"));
    }

    @Test
    void theFileFieldChecksTheLinkRuleYouTubesTitleAndWhatInstagramNeeds() {
        Map<String, Object> image = slack.addFile("F0PIC", "pic.png", "image/png", bytes(100, 9));
        JsonNode form = commandForm("schedule-rules");

        HttpResponse<String> withLink = submit(form, "V0RULES1", linkedIn().files(List.of(image)).link("https://acme.example/spring"));
        assertEquals("A post takes a link or images and video, not both: remove the link or the files.",
                ScheduleForms.json(withLink.body()).path("errors").path(MEDIA_BLOCK).asText());

        HttpResponse<String> youTube = submit(form, "V0RULES2", new ScheduleForms.Values().text("A film")
                .networks("Youtube").profile("Youtube", world.youtube, "Acme videos")
                .campaign(world.springCampaign, "Spring launch").at("2030-01-16", "09:30", MIA_ZONE).files(List.of(image)));
        JsonNode errors = ScheduleForms.json(youTube.body()).path("errors");
        assertTrue(errors.path(MEDIA_BLOCK).asText().startsWith("YouTube takes one video (MP4)"), errors.toString());
        assertEquals("Give the YouTube video a title.", errors.path(VIDEO_TITLE_BLOCK).asText());

        HttpResponse<String> bare = submit(form, "V0RULES3", new ScheduleForms.Values().text("No picture")
                .networks("Instagram").profile("Instagram", instagram, "Acme on Instagram")
                .campaign(world.springCampaign, "Spring launch").at("2030-01-16", "09:30", MIA_ZONE));
        assertTrue(ScheduleForms.json(bare.body()).path("errors").path(MEDIA_BLOCK).asText().startsWith("Instagram posts need"));
        assertEquals(0, oktopost.count("POST", "/upload"));
    }

    // ---- helpers

    private ScheduleForms.Values linkedIn() {
        return new ScheduleForms.Values().text("Launch day!").networks("LinkedIn")
                .profile("LinkedIn", world.acmePage, "Acme page")
                .campaign(world.springCampaign, "Spring launch").at("2030-01-16", "09:30", MIA_ZONE);
    }

    private JsonNode shortcutForm(String responseId, List<Map<String, Object>> files) {
        Map<String, Object> payload = com.oktoslack.testing.SlackRequests.base("message_action", MIA);
        payload.put("callback_id", SHORTCUT_CALLBACK);
        payload.put("channel", Map.of("id", "C0LAUNCH", "name", "launch"));
        payload.put("message", Map.of("type", "message", "ts", "1894720000.000300", "text", "Launch day!", "user", MIA,
                "files", files));
        payload.put("message_ts", "1894720000.000300");
        payload.put("response_url", slack.responseUrl(responseId));
        assertEquals(200, slackRequests().interactive(payload).statusCode());
        return slack.await("views.update", c -> "V0OPENED".equals(c.param("view_id")), Duration.ofSeconds(10)).json("view");
    }

    private JsonNode commandForm(String responseId) {
        assertEquals(200, slackRequests().slashCommand(MIA, "schedule", slack.responseUrl(responseId)).statusCode());
        return slack.await("views.update", c -> "V0OPENED".equals(c.param("view_id")), Duration.ofSeconds(10)).json("view");
    }

    private HttpResponse<String> submit(JsonNode form, String viewId, ScheduleForms.Values values) {
        return new ScheduleForms(slackRequests()).submit(MIA, viewId, form.path("private_metadata").asText(), values);
    }

    private String outcome(String responseId) {
        return slack.await("response_url", c -> responseId.equals(c.param("response_id")), Duration.ofSeconds(15)).param("text");
    }

    private static HttpResponse<String> request(String method, String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
