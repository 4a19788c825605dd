package io.sanctionsradar.screening.screenings;

import org.apache.commons.io.output.DeferredFileOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * An upload read whole before it is answered, so a client that sends all of it before reading never waits on the
 * answer: kept in memory up to {@link #IN_MEMORY} bytes, in a temporary file beyond (quarkus.http.limits.max-body-size
 * bounds it). Read as often as needed; closing deletes the file.
 */
final class SpooledUpload implements AutoCloseable {

    static final int IN_MEMORY = 1024 * 1024;

    private final DeferredFileOutputStream content;

    private SpooledUpload(DeferredFileOutputStream content) {
        this.content = content;
    }

    static SpooledUpload read(InputStream body) throws IOException {
        DeferredFileOutputStream content = DeferredFileOutputStream.builder().setThreshold(IN_MEMORY)
                .setPrefix("csv-batch-").setSuffix(".csv").get();
        try (content) {
            body.transferTo(content);
        } catch (IOException e) {
            new SpooledUpload(content).close();
            throw e;
        }
        return new SpooledUpload(content);
    }

    /** The upload from its first byte. */
    InputStream open() throws IOException {
        return content.toInputStream();
    }

    @Override
    public void close() throws IOException {
        if (!content.isInMemory()) {
            Files.deleteIfExists(content.getPath());
        }
    }
}
