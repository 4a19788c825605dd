package io.sanctionsradar.designation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sanctionsradar.infra.testing.HttpLimitChecks;
import io.sanctionsradar.infra.testing.RawHttp;
import io.sanctionsradar.infra.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body is held to its limit by the bytes that arrive, whatever the framing: a chunked body says nothing of its
 * size up front, so it is refused as soon as it grows past the limit, long before its end.
 */
@QuarkusTest
class BodyLimitTest {

    private static final long MB = 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    @Test
    void a_chunked_json_body_over_2_mb_is_refused_before_its_end() {
        RawHttp.Answer answer = RawHttp.chunked(base, "POST", "/api/v1/designations",
                Map.of("Authorization", TestTokens.everything(), "Content-Type", "application/json"),
                "{\"remarks\": \"", (byte) 'x', 200 * MB);
        HttpLimitChecks.assertRefusedEarly(answer, 2 * MB + 32 * MB);
    }

    @Test
    void a_chunked_list_upload_over_64_mb_is_refused_before_its_end() {
        String boundary = "radar-boundary";
        String start = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sdn.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        RawHttp.Answer answer = RawHttp.chunked(base, "POST", "/api/v1/imports",
                Map.of("Authorization", TestTokens.everything(),
                        "Content-Type", "multipart/form-data; boundary=" + boundary),
                start, (byte) 'x', 200 * MB);
        HttpLimitChecks.assertRefusedEarly(answer, 64 * MB + 32 * MB);
    }

    @Test
    void a_chunked_json_body_under_the_limit_is_read_as_any_other() throws Exception {
        String draft = new ObjectMapper().writeValueAsString(Drafts.wangJunzheng());
        RawHttp.Answer answer = RawHttp.chunked(base, "POST", "/api/v1/designations",
                Map.of("Authorization", TestTokens.everything(), "Content-Type", "application/json"),
                draft, (byte) ' ', draft.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(201, answer.status(), answer.body());
    }

    @Test
    void a_chunked_list_upload_under_the_limit_reaches_the_import_with_its_fields() {
        String boundary = "radar-boundary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nofac-sdn-csv\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"force\"\r\n\r\nperhaps\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sdn.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n1,\"NAME\"\r\n--" + boundary + "--\r\n";
        RawHttp.Answer answer = RawHttp.chunked(base, "POST", "/api/v1/imports",
                Map.of("Authorization", TestTokens.everything(),
                        "Content-Type", "multipart/form-data; boundary=" + boundary),
                form, (byte) ' ', form.length());
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"field\":\"force\""), answer.body());
    }

    @Test
    void over_http2_a_list_upload_and_a_json_body_reach_their_endpoints() throws Exception {
        // the JDK client upgrades plain http to HTTP/2 (h2c), where a body has no Content-Length, as SystemIT's does
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String boundary = "radar-boundary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nofac-sdn-csv\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"force\"\r\n\r\nperhaps\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sdn.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n1,\"NAME\"\r\n--" + boundary + "--\r\n";
        for (int attempt = 0; attempt < 2; attempt++) { // the first request may go as HTTP/1.1 with the upgrade
            HttpResponse<String> upload = http2.send(HttpRequest.newBuilder(base.resolve("/api/v1/imports"))
                    .header("Authorization", TestTokens.everything())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(form.getBytes(StandardCharsets.UTF_8))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, upload.statusCode(), upload.version() + " " + upload.body());
            assertTrue(upload.body().contains("\"field\":\"force\""), upload.body());
        }
        String draft = new ObjectMapper().writeValueAsString(Drafts.wangJunzheng());
        HttpResponse<String> recorded = http2.send(HttpRequest.newBuilder(base.resolve("/api/v1/designations"))
                .header("Authorization", TestTokens.everything()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(draft)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, recorded.version());
        assertEquals(201, recorded.statusCode(), recorded.body());
    }
}
