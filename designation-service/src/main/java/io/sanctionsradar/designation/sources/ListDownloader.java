package io.sanctionsradar.designation.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Downloads one list file with a conditional request (ETag / Last-Modified), streaming it to disk with its
 * SHA-256 and a size cap. Redirects are followed by hand, only to https on an allow-listed host; network errors and
 * 5xx/429 answers are tried again with a doubling backoff. Plain Java on the JDK's HTTP client.
 */
public final class ListDownloader {

    private static final int MAX_REDIRECTS = 5;

    /** What the server said about the version it sent, to ask next time whether it changed. */
    public record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);
    }

    /** The file as downloaded, or null file when the server answered 304 Not Modified. */
    public record Download(Path file, String sha256, long size, Validators validators) {
        public boolean notModified() {
            return file == null;
        }
    }

    /** A download that did not succeed; {@code retryable} if trying again later might. */
    public static final class DownloadFailed extends IOException {
        private final boolean retryable;

        DownloadFailed(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final HttpClient client;
    private final Set<String> allowedHosts;
    private final long maxBytes;
    private final Duration timeout;
    private final int attempts;
    private final Duration backoff;

    public ListDownloader(Set<String> allowedHosts, long maxBytes, Duration timeout, int attempts, Duration backoff) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
        this.allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
    }

    /** Downloads {@code url} into {@code target} unless it is unchanged since {@code known}. */
    public Download fetch(String url, Validators known, Path target) throws DownloadFailed, InterruptedException {
        URI uri = checked(URI.create(url), true);
        if ("file".equals(uri.getScheme())) {
            return copy(Path.of(uri), target);
        }
        Duration wait = backoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(uri, known == null ? Validators.NONE : known, target);
            } catch (DownloadFailed e) {
                if (!e.retryable() || attempt >= attempts) {
                    throw e;
                }
            }
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2);
        }
    }

    private Download once(URI start, Validators known, Path target) throws DownloadFailed, InterruptedException {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<InputStream> response = send(uri, known);
            int status = response.statusCode();
            if (status == 304) {
                close(response);
                return new Download(null, null, 0, known);
            }
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location").orElse(null);
                close(response);
                if (location == null) {
                    throw new DownloadFailed(uri + " answered " + status + " without a Location", false, null);
                }
                uri = checked(uri.resolve(location), false);
                continue;
            }
            if (status != 200) {
                close(response);
                throw new DownloadFailed(uri + " answered HTTP " + status, status >= 500 || status == 429, null);
            }
            Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            try (InputStream body = response.body()) {
                return write(body, target, validators, uri.toString());
            } catch (IOException e) {
                throw e instanceof DownloadFailed failed ? failed
                        : new DownloadFailed("reading " + uri + " failed: " + e.getMessage(), true, e);
            }
        }
        throw new DownloadFailed(start + " redirected more than " + MAX_REDIRECTS + " times", false, null);
    }

    private HttpResponse<InputStream> send(URI uri, Validators known) throws DownloadFailed, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("User-Agent", "sanctions-radar list sync");
        if (known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DownloadFailed("cannot reach " + uri + ": " + e, true, e);
        }
    }

    /**
     * A configured URL may be https on an allow-listed host, or an operator's own loopback http or file: URL; a
     * redirect only https on an allow-listed host (a list server must not lead the service into the network).
     */
    private URI checked(URI uri, boolean configured) throws DownloadFailed {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = "https".equals(scheme) && allowedHosts.contains(host)
                || configured && ("file".equals(scheme) || "http".equals(scheme) && isLoopback(host));
        if (!allowed) {
            throw new DownloadFailed((configured ? "the URL " : "a redirect to ") + uri + " is refused: only https on "
                    + "an allowed host (list-sources.allowed-hosts)" + (configured ? ", loopback http or file:" : ""),
                    false, null);
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    private Download copy(Path source, Path target) throws DownloadFailed {
        try (InputStream in = Files.newInputStream(source)) {
            return write(in, target, Validators.NONE, source.toString());
        } catch (IOException e) {
            throw e instanceof DownloadFailed failed ? failed
                    : new DownloadFailed("cannot read " + source + ": " + e.getMessage(), false, e);
        }
    }

    private Download write(InputStream body, Path target, Validators validators, String from) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(body, sha256); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new DownloadFailed(from + " is larger than " + maxBytes + " bytes (list-sources.max-bytes)",
                            false, null);
                }
                out.write(buffer, 0, n);
            }
        }
        return new Download(target, HexFormat.of().formatHex(sha256.digest()), size, validators);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the answer is not used; nothing to recover
        }
    }
}
