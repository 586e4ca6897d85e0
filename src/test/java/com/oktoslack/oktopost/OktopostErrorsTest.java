package com.oktoslack.oktopost;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class OktopostErrorsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void flattensTheNestedErrorsObject() throws Exception {
        assertEquals("The page you are looking for was not found",
                OktopostErrors.describe(json.readTree("{\"API\":{\"Error\":\"The page you are looking for was not found\"}}")));
        assertEquals("campaignId: Campaign is required; network: Invalid network",
                OktopostErrors.describe(json.readTree(
                        "{\"campaignId\":{\"Required\":\"Campaign is required\"},\"network\":\"Invalid network\"}")));
        assertEquals("ids: too many; ids: at most 100",
                OktopostErrors.describe(json.readTree("{\"ids\":[\"too many\",\"at most 100\"]}")));
        assertEquals("Plain text", OktopostErrors.describe(json.readTree("\"Plain text\"")));
        assertNull(OktopostErrors.describe(null));
        assertNull(OktopostErrors.describe(json.readTree("{}")));
    }

    @Test
    void mapsStatusesToTheirExceptions() {
        assertInstanceOf(OktopostException.Rejected.class, OktopostErrors.forStatus(400, "m", null));
        assertInstanceOf(OktopostException.Unauthorized.class, OktopostErrors.forStatus(401, "m", null));
        assertInstanceOf(OktopostException.Forbidden.class, OktopostErrors.forStatus(403, "m", null));
        assertInstanceOf(OktopostException.NotFound.class, OktopostErrors.forStatus(404, "m", null));
        assertInstanceOf(OktopostException.Rejected.class, OktopostErrors.forStatus(422, "m", null));
        assertEquals(Duration.ofSeconds(9),
                ((OktopostException.RateLimited) OktopostErrors.forStatus(429, "m", Duration.ofSeconds(9))).retryAfter());
        assertInstanceOf(OktopostException.ServerError.class, OktopostErrors.forStatus(503, "m", null));
    }

    @Test
    void readsAndWritesOktopostDates() {
        assertEquals(Instant.parse("2015-12-08T00:00:00Z"), OktopostDates.parse("2015-12-08 00:00:00"));
        assertEquals(Instant.parse("2019-06-30T10:11:12Z"), OktopostDates.parse("2019-06-30T10:11:12"));
        assertNull(OktopostDates.parse("0000-00-00 00:00:00"));
        assertNull(OktopostDates.parse("-"));
        assertNull(OktopostDates.parse(""));
        assertNull(OktopostDates.parse(null));
        assertNull(OktopostDates.parse("yesterday"));
        assertEquals("2017-07-01 09:05:00", OktopostDates.format(Instant.parse("2017-07-01T09:05:00.750Z")));
        assertEquals("1401908598", OktopostDates.unixSeconds(Instant.ofEpochSecond(1401908598, 500)));
    }
}
