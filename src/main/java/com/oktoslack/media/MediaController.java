package com.oktoslack.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

/**
 * Where Oktopost fetches a Slack file from: {@code /media/{token}}, answering HEAD and ranged GET while the file is
 * lent (see {@link MediaShares}); an unknown, used or expired token is 404 with nothing to tell them apart.
 *
 * <p>The bytes are streamed from Slack on each request, with the bot token, rather than kept: any replica can
 * answer, as the lent file's row is in the shared database, and no video is ever copied into it. The cost is one
 * read of Slack per range Oktopost asks for.
 */
@Controller(MediaController.PATH)
class MediaController {

    static final String PATH = "/media";

    private static final Logger LOG = LoggerFactory.getLogger(MediaController.class);

    private final MediaShares shares;
    private final SlackFileReader slackFiles;
    private final Clock clock;

    MediaController(MediaShares shares, SlackFileReader slackFiles, Clock clock) {
        this.shares = shares;
        this.slackFiles = slackFiles;
        this.clock = clock;
    }

    /** Micronaut routes HEAD to the GET route; a HEAD is answered with the headers alone. */
    @Get("/{token}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    MutableHttpResponse<?> get(HttpRequest<?> request, String token, @Nullable @Header(HttpHeaders.RANGE) String rangeHeader) {
        Optional<MediaUpload> lent = shares.lent(token, clock.instant());
        if (lent.isEmpty()) {
            return HttpResponse.notFound();
        }
        if (request.getMethod() == HttpMethod.HEAD) {
            return head(lent.get());
        }
        return body(lent.get(), rangeHeader);
    }

    private static MutableHttpResponse<?> head(MediaUpload file) {
        return HttpResponse.ok()
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_TYPE, file.mimeType())
                .header(HttpHeaders.CONTENT_LENGTH, Long.toString(file.size()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private MutableHttpResponse<?> body(MediaUpload file, @Nullable String rangeHeader) {
        ByteRange range;
        try {
            range = ByteRange.parse(rangeHeader, file.size()).orElse(null);
        } catch (ByteRange.Unsatisfiable e) {
            return HttpResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + file.size());
        }
        InputStream bytes;
        try {
            bytes = slackFiles.open(file.sourceUrl(), range);
        } catch (IOException e) {
            LOG.warn("Slack file {} could not be read for Oktopost: {}", file.slackFileId(), e.getMessage());
            shares.noteError(file, "Slack did not give me the file (" + e.getMessage() + ")");
            return HttpResponse.status(HttpStatus.BAD_GATEWAY);
        }
        long length = range == null ? file.size() : range.length();
        MutableHttpResponse<StreamedFile> response = HttpResponse
                .<StreamedFile>status(range == null ? HttpStatus.OK : HttpStatus.PARTIAL_CONTENT)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new StreamedFile(bytes, MediaType.of(file.mimeType()), -1, length));
        if (range != null) {
            response.header(HttpHeaders.CONTENT_RANGE, range.contentRange(file.size()));
        }
        return response;
    }
}
