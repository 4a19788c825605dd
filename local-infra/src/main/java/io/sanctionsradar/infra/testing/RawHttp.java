package io.sanctionsradar.infra.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP/1.1 over a plain socket, for what ordinary clients will not send: chunked bodies of any size, request lines
 * and headers beyond the server's limits. The answer is read while the body is still going out, so a server that
 * refuses early is seen refusing early.
 */
public final class RawHttp {

    private static final int CHUNK = 64 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    /** An answer, how many body bytes had gone out when it came, and how long it took. */
    public record Answer(int status, Map<String, String> headers, String body, long bodyBytesSent, Duration took) {

        /** A header by its name in any case, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method path} with these headers and a chunked body: {@code start}, then {@code filler} repeated
     * up to {@code size} bytes in all. Stops sending as soon as the answer arrives or the server closes.
     */
    public static Answer chunked(URI base, String method, String path, Map<String, String> headers, String start,
                                 byte filler, long size) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Transfer-Encoding: chunked\r\n\r\n");
        byte[] first = start.getBytes(StandardCharsets.UTF_8);
        byte[] fill = new byte[CHUNK];
        Arrays.fill(fill, filler);
        return exchange(base, head.toString().getBytes(StandardCharsets.ISO_8859_1), out -> {
            long sent = writeChunk(out, first, first.length);
            while (sent < size) {
                sent += writeChunk(out, fill, (int) Math.min(CHUNK, size - sent));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return sent;
        });
    }

    /** Sends {@code request} exactly as given (request line, headers, blank line, any body) and reads the answer. */
    public static Answer send(URI base, String request) {
        return exchange(base, request.getBytes(StandardCharsets.ISO_8859_1), out -> 0L);
    }

    private interface Body {
        long write(Counted out) throws IOException;
    }

    /** Counts the body bytes that went out, and refuses to write more once the answer is in. */
    private static final class Counted {
        private final OutputStream out;
        private final CompletableFuture<?> answered;
        private long sent;

        Counted(OutputStream out, CompletableFuture<?> answered) {
            this.out = out;
            this.answered = answered;
        }

        void write(byte[] bytes) throws IOException {
            if (answered.isDone()) {
                throw new IOException("answered before the body was sent");
            }
            out.write(bytes);
        }
    }

    private static long writeChunk(Counted out, byte[] bytes, int length) throws IOException {
        byte[] size = (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunk = new byte[size.length + length + 2];
        System.arraycopy(size, 0, chunk, 0, size.length);
        System.arraycopy(bytes, 0, chunk, size.length, length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        out.write(chunk);
        out.sent += length;
        return length;
    }

    private static Answer exchange(URI base, byte[] head, Body body) {
        long started = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> read(socket, started));
            Counted out = new Counted(socket.getOutputStream(), answer);
            try {
                out.write(head);
                body.write(out);
                out.out.flush();
            } catch (IOException refusedMidway) {
                // the server answered and closed before the whole body was out: what these tests look for
            }
            Answer read = answer.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(read.status(), read.headers(), read.body(), out.sent, read.took());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer from " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer read(Socket socket, long started) {
        try {
            InputStream in = socket.getInputStream();
            String[] lines = readHead(in).split("\r\n");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Answer(status, headers, readBody(in, headers), 0, took);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before an answer: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    private static String readBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            return new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) > 0) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
            return body.toString(StandardCharsets.UTF_8);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
