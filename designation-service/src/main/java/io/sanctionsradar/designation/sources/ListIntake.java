package io.sanctionsradar.designation.sources;

import io.sanctionsradar.designation.imports.ImportReport;
import io.sanctionsradar.designation.imports.ImportService;
import io.sanctionsradar.designation.imports.MalformedListException;
import io.sanctionsradar.designation.imports.ParsedList;
import io.sanctionsradar.designation.sources.ListDownloader.Download;
import io.sanctionsradar.designation.sources.ListDownloader.DownloadFailed;
import io.sanctionsradar.designation.sources.ListDownloader.Validators;
import io.sanctionsradar.designation.sources.ListImport.Outcome;
import io.sanctionsradar.designation.sources.ListImport.Trigger;
import io.sanctionsradar.support.audit.AuditTrail;
import io.sanctionsradar.support.errors.Conflict;
import io.sanctionsradar.support.errors.NotFound;
import io.sanctionsradar.support.errors.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.io.file.PathUtils;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Every way a list comes in: an upload, or a sync of a configured source (scheduled or "sync now"). Each is
 * recorded in the import history with the content's SHA-256; a good one moves its list's state on and raises
 * {@code sanctions.list.synced}, a failed or refused one keeps the last good list serving, says why and raises
 * {@code sanctions.list.sync-failed}. Content equal to the last imported costs no parse and no event.
 */
@ApplicationScoped
public class ListIntake {

    private static final Logger LOG = Logger.getLogger(ListIntake.class);
    static final String SYNC_ACTOR = "list-sync";

    @Inject
    ListSourcesConfig config;

    @Inject
    ImportService imports;

    @Inject
    ListSourceStore store;

    @Inject
    ListEvents events;

    @Inject
    SyncLock locks;

    @Inject
    AuditTrail audit;

    private ListDownloader downloader;

    @jakarta.annotation.PostConstruct
    void init() {
        downloader = new ListDownloader(config.allowedHosts(), config.maxBytes(), config.timeout(), config.attempts(),
                config.backoff());
    }

    /**
     * Imports uploaded files as the caller and answers the import recorded, with its report. A refused file is
     * recorded and its error thrown on, as the upload answers it (400 malformed, 409 truncated).
     */
    public ListImport upload(String format, Map<String, Path> files, boolean force) throws IOException {
        Instant started = Instant.now();
        String actor = audit.caller();
        Content content = content(files);
        String list = listOfFormat(format);
        try {
            ParsedList parsed = imports.parse(format, files);
            list = parsed.sourceList();
            ImportReport report = imports.apply(format, parsed, force, actor, new TreeSet<>(files.keySet()));
            return finish(new ListImport(UUID.randomUUID(), list, format, Trigger.UPLOAD, actor, started,
                    Instant.now(), Outcome.IMPORTED, content.hash(), content.size(), content.names(), report, null),
                    null);
        } catch (MalformedListException | Conflict e) {
            finish(new ListImport(UUID.randomUUID(), list, format, Trigger.UPLOAD, actor, started, Instant.now(),
                    Outcome.REFUSED, content.hash(), content.size(), content.names(), null, e.getMessage()), null);
            throw e;
        }
    }

    /** Syncs a configured list now; 404 for a list no source is configured for, 409 while it is syncing. */
    public ListImport sync(String list, Trigger trigger) {
        ListSourcesConfig.Source source = config.sources().get(list);
        if (source == null) {
            throw new NotFound("No list source " + list + "; configured ones: " + new TreeSet<>(config.sources().keySet()));
        }
        String actor = trigger == Trigger.SCHEDULE ? SYNC_ACTOR : audit.caller();
        return locks.whileHeld(list, () -> syncHeld(list, source, trigger, actor))
                .orElseThrow(() -> new Conflict("A sync of " + list + " is running; try again when it has finished"));
    }

    private ListImport syncHeld(String list, ListSourcesConfig.Source source, Trigger trigger, String actor) {
        Instant started = Instant.now();
        ListSourceStore.State state = store.state(list);
        Path dir = null;
        Fetched fetched = null;
        try {
            dir = Files.createTempDirectory("list-sync-");
            fetched = fetch(source, state, dir);
            Content content = fetched.content();
            if (fetched.notModified() || content.hash().equals(state.contentHash())) {
                return finish(new ListImport(UUID.randomUUID(), list, source.format(), trigger, actor, started,
                        Instant.now(), Outcome.UNCHANGED, state.contentHash(), state.contentSize(),
                        fetched.notModified() ? List.of() : content.names(), null, null), fetched.validators());
            }
            ParsedList parsed = imports.parse(source.format(), fetched.files());
            if (!list.equals(parsed.sourceList())) {
                throw new MalformedListException("the files of source " + list + " hold the list "
                        + parsed.sourceList(), null);
            }
            ImportReport report = imports.apply(source.format(), parsed, false, actor, new TreeSet<>(fetched.files().keySet()));
            return finish(new ListImport(UUID.randomUUID(), list, source.format(), trigger, actor, started,
                    Instant.now(), Outcome.IMPORTED, content.hash(), content.size(), content.names(), report, null),
                    fetched.validators());
        } catch (DownloadFailed e) {
            return failed(list, source, trigger, actor, started, Outcome.FAILED, null, e.getMessage());
        } catch (MalformedListException | RequestRejected e) {
            return failed(list, source, trigger, actor, started, Outcome.REFUSED, fetched, e.getMessage());
        } catch (IOException e) {
            return failed(list, source, trigger, actor, started, Outcome.FAILED, fetched, e.toString());
        } catch (RuntimeException e) { // a parser's own trouble with this file: recorded like any refusal
            LOG.errorf(e, "sync of %s: the import failed unexpectedly", list);
            return failed(list, source, trigger, actor, started, Outcome.REFUSED, fetched, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(list, source, trigger, actor, started, Outcome.FAILED, fetched, "interrupted");
        } finally {
            delete(dir);
        }
    }

    private ListImport failed(String list, ListSourcesConfig.Source source, Trigger trigger, String actor,
                              Instant started, Outcome outcome, Fetched fetched, String error) {
        Content content = fetched == null || fetched.notModified() ? null : fetched.content();
        LOG.warnf("sync of %s %s: %s", list, outcome == Outcome.FAILED ? "failed" : "refused", error);
        return finish(new ListImport(UUID.randomUUID(), list, source.format(), trigger, actor, started, Instant.now(),
                outcome, content == null ? null : content.hash(), content == null ? null : content.size(),
                content == null ? List.of() : content.names(), null, error), null);
    }

    private ListImport finish(ListImport done, Map<String, Validators> validators) {
        events.record(done, validators);
        return done;
    }

    /** The files of one publication; the unchanged ones fetched again in full if another one changed. */
    private Fetched fetch(ListSourcesConfig.Source source, ListSourceStore.State state, Path dir)
            throws DownloadFailed, InterruptedException {
        Map<String, Download> downloads = new LinkedHashMap<>();
        for (String url : source.urls()) {
            downloads.put(url, downloader.fetch(url, state.validators().get(url), dir.resolve(fileName(url))));
        }
        boolean allUnchanged = downloads.values().stream().allMatch(Download::notModified);
        if (!allUnchanged) {
            for (Map.Entry<String, Download> d : downloads.entrySet()) {
                if (d.getValue().notModified()) {
                    d.setValue(downloader.fetch(d.getKey(), null, dir.resolve(fileName(d.getKey()))));
                }
            }
        }
        Map<String, Validators> validators = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, String> hashes = new TreeMap<>();
        long size = 0;
        for (Map.Entry<String, Download> d : downloads.entrySet()) {
            validators.put(d.getKey(), d.getValue().validators());
            if (!d.getValue().notModified()) {
                files.put(fileName(d.getKey()), d.getValue().file());
                hashes.put(fileName(d.getKey()), d.getValue().sha256()); // hashed while it streamed in
                size += d.getValue().size();
            }
        }
        return new Fetched(allUnchanged, files, validators, allUnchanged ? null : Content.of(hashes, size));
    }

    private record Fetched(boolean notModified, Map<String, Path> files, Map<String, Validators> validators,
                           Content content) {
    }

    /** What was read: the files' names, their total size, and one SHA-256 for all of them. */
    record Content(String hash, long size, List<String> names) {

        /**
         * One file's SHA-256 is the content's; several files' is the SHA-256 of their "name hash" lines in name
         * order, so the same publication hashes the same however it arrives.
         */
        static Content of(Map<String, String> hashesByName, long size) {
            Map<String, String> sorted = new TreeMap<>(hashesByName);
            String hash = sorted.size() == 1 ? sorted.values().iterator().next() : HexFormat.of().formatHex(
                    ListDownloader.sha256().digest(String.join("\n", sorted.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).toList()).getBytes(StandardCharsets.UTF_8)));
            return new Content(hash, size, List.copyOf(sorted.keySet()));
        }
    }

    /** An upload's content, its files hashed here. */
    static Content content(Map<String, Path> files) {
        Map<String, String> hashes = new TreeMap<>();
        long size = 0;
        try {
            for (Map.Entry<String, Path> f : files.entrySet()) {
                MessageDigest digest = ListDownloader.sha256();
                try (InputStream in = new DigestInputStream(Files.newInputStream(f.getValue()), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                hashes.put(f.getKey(), HexFormat.of().formatHex(digest.digest()));
                size += Files.size(f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Content.of(hashes, size);
    }

    /** The part name a multi-file format knows a file by: the URL's last path segment, lower-cased. */
    static String fileName(String url) {
        String path = URI.create(url).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return (name.isEmpty() ? "list" : name).toLowerCase(Locale.ROOT);
    }

    /** The configured list an upload of this format fills, if exactly one source has the format. */
    private String listOfFormat(String format) {
        List<String> lists = config.sources().entrySet().stream().filter(e -> e.getValue().format().equals(format))
                .map(Map.Entry::getKey).toList();
        return lists.size() == 1 ? lists.get(0) : null;
    }

    private static void delete(Path dir) {
        if (dir != null) {
            try {
                PathUtils.deleteDirectory(dir);
            } catch (IOException e) {
                LOG.warnf("could not delete %s: %s", dir, e);
            }
        }
    }
}
