package io.sanctionsradar.infra.testing;

import java.net.URI;

/**
 * The checks every service's HTTP limits must pass (service-support's RequestBodyLimits and RequestHeadLimits),
 * stated once: each service's test names only its own endpoint and limit. Plain AssertionErrors, as AccessCheck.
 */
public final class HttpLimitChecks {

    private HttpLimitChecks() {
    }

    /**
     * A body over its limit was answered 413 problem+json naming {@code body}, long before its end: at most
     * {@code maxBytesSent} went out (the limit plus what the socket buffers on both sides may hold).
     */
    public static void assertRefusedEarly(RawHttp.Answer answer, long maxBytesSent) {
        System.out.printf("refused %d bytes sent after %d ms: %d %s%n", answer.bodyBytesSent(),
                answer.took().toMillis(), answer.status(), answer.body());
        assertProblem(answer, 413, "body");
        check(answer.bodyBytesSent() < maxBytesSent, "sent " + answer.bodyBytesSent() + " bytes");
    }

    /** A request line over 4096 bytes to {@code path} is answered 414 problem+json naming {@code uri}. */
    public static void assertLongRequestLineRefused(URI base, String path) {
        assertProblem(RawHttp.send(base, "GET " + path + "?q=" + "x".repeat(5000) + " HTTP/1.1\r\n"
                + "Host: localhost\r\n\r\n"), 414, "uri");
    }

    /** Headers over 20 KB to {@code path} are answered 431 problem+json naming the largest header. */
    public static void assertLargeHeadersRefused(URI base, String path) {
        assertProblem(RawHttp.send(base, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Padding: " + "x".repeat(30 * 1024) + "\r\n\r\n"), 431, "headers.X-Padding");
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String field) {
        check(answer.status() == status, "expected " + status + ", got " + answer.status() + ": " + answer.body());
        check("application/problem+json".equals(answer.header("Content-Type")),
                "Content-Type " + answer.header("Content-Type"));
        check(answer.body().contains("\"field\":\"" + field + "\""), "no field " + field + ": " + answer.body());
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new AssertionError(otherwise);
        }
    }
}
