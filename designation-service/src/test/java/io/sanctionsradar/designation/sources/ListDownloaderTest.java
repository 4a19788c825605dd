package io.sanctionsradar.designation.sources;

import io.sanctionsradar.designation.sources.ListDownloader.Download;
import io.sanctionsradar.designation.sources.ListDownloader.DownloadFailed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the downloader lets through, without a network: file: sources, the size cap and the URL rules. */
class ListDownloaderTest {

    private final ListDownloader downloader = new ListDownloader(Set.of("scsanctions.un.org"), 64,
            Duration.ofSeconds(2), 1, Duration.ZERO);

    @Test
    void a_file_source_is_copied_with_its_sha256(@TempDir Path dir) throws Exception {
        Path list = Files.writeString(dir.resolve("list.csv"), "id,name\n1,ACME\n");
        Download download = downloader.fetch(list.toUri().toString(), null, dir.resolve("copy"));
        assertEquals("id,name\n1,ACME\n", Files.readString(download.file()));
        assertEquals(15, download.size());
        assertEquals(HexFormat.of().formatHex(ListDownloader.sha256().digest(
                "id,name\n1,ACME\n".getBytes(StandardCharsets.UTF_8))), download.sha256());
    }

    @Test
    void a_file_over_the_size_cap_is_refused_for_good(@TempDir Path dir) throws Exception {
        Path list = Files.writeString(dir.resolve("big.csv"), "x".repeat(65));
        DownloadFailed failed = assertThrows(DownloadFailed.class,
                () -> downloader.fetch(list.toUri().toString(), null, dir.resolve("copy")));
        assertTrue(failed.getMessage().contains("larger than 64 bytes"), failed.getMessage());
        assertFalse(failed.retryable());
    }

    @Test
    void only_https_on_an_allowed_host_loopback_http_or_file_may_be_configured(@TempDir Path dir) {
        for (String url : new String[] {"https://example.org/list.csv", "http://scsanctions.un.org/list.xml",
                "http://10.0.0.7/list.csv", "ftp://127.0.0.1/list.csv"}) {
            DownloadFailed failed = assertThrows(DownloadFailed.class,
                    () -> downloader.fetch(url, null, dir.resolve("copy")), url);
            assertTrue(failed.getMessage().contains("is refused"), failed.getMessage());
            assertFalse(failed.retryable(), url);
        }
    }
}
