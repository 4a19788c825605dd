package io.sanctionsradar.matching.bench;

import io.sanctionsradar.matching.MatchingEngine;
import io.sanctionsradar.matching.Query;
import io.sanctionsradar.matching.WatchlistEntry;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH: screen() latency (sampled, so percentiles are reported) and full index build.
 * Watchlist: system property {@code bench.watchlist} (default /tmp/wl/all.jsonl, falling back to the committed
 * CSL fixture); queries: {@code bench.queries} (default the shared dev set).
 * Run with the test classpath on java.class.path (the forked JMH JVM inherits it; exec:java does not provide it):
 * see docs/benchmarks.md, "Matching quality and speed".
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class MatchingBenchmark {

    private List<WatchlistEntry> entries;
    private MatchingEngine engine;
    private List<String> queries;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        Path list = Path.of(System.getProperty("bench.watchlist", "/tmp/wl/all.jsonl"));
        entries = Files.isRegularFile(list) ? BenchData.entries(list) : BenchData.fixture();
        engine = new MatchingEngine();
        engine.replaceAll(entries);
        Path q = Path.of(System.getProperty("bench.queries", "../../shared/data/eval/dev-queries.jsonl"));
        queries = Files.isRegularFile(q) ? BenchData.queryNames(q)
                : List.of("Prigozhin Yevgeniy", "Hik Vision", "Mohammed Ali", "Rosoboronexport", "Maria Schmidt");
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object screen() {
        String name = queries.get(next++ % queries.size());
        return engine.screen(new Query(name, null, null, null), MatchingEngine.DEFAULT_THRESHOLD, 10, null);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public Object build() {
        MatchingEngine e = new MatchingEngine();
        e.replaceAll(entries);
        return e;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(MatchingBenchmark.class.getName()).build()).run();
    }
}
