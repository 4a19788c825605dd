package io.sanctionsradar.support.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C trace context that follows one designation from its POST through the outboxes, Kafka and the delivery
 * queue to the webhook. Automatic instrumentation ends a trace wherever work waits in a table, so the current
 * {@code traceparent} is stored with each outbox or queue row and restored as the parent of the span that picks the
 * row up. With tracing off (the default, docs/operations.md "Traces") nothing is exported and requests make no
 * spans, but a context that arrives is still passed on.
 */
@ApplicationScoped
public class Traces {

    /** The W3C header, in Kafka records and webhook requests alike. */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceparent, String key) {
            return TRACEPARENT.equals(key) ? traceparent : null;
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    /** The current span's {@code traceparent}, to store with a row written now; null when no span is current. */
    public String currentTraceparent() {
        return traceparentOf(Context.current());
    }

    /** The {@code traceparent} of the span in a context; null when it holds none. */
    public static String traceparentOf(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a stored or received {@code traceparent} names; the root context for null or a malformed one. */
    public static Context parent(String traceparent) {
        return traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent, STORED);
    }

    /** The {@code traceparent} header of a Kafka record (the last one, should a producer have added two), or null. */
    public static String traceparent(Headers headers) {
        Header header = headers.lastHeader(TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A span of ours, of that kind, under {@code parent}; the caller sets its attributes and starts it. */
    public SpanBuilder span(String name, SpanKind kind, Context parent) {
        return openTelemetry.getTracer("io.sanctionsradar").spanBuilder(name).setSpanKind(kind).setParent(parent);
    }

    /** The started span that processes one record: a child of the trace its {@code traceparent} header names. */
    public Span startProcessing(ConsumerRecord<?, ?> record) {
        return messaging(span(record.topic() + " process", SpanKind.CONSUMER, parent(traceparent(record.headers()))),
                record.topic()).startSpan();
    }

    /**
     * The started span that processes a polled batch: a child of the first traced record's trace, linked to the
     * first record of each other trace (the events of one import or one request share a trace).
     */
    public Span startProcessing(String topic, ConsumerRecords<?, ?> records) {
        Map<String, SpanContext> traces = new LinkedHashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            SpanContext sent = Span.fromContext(parent(traceparent(record.headers()))).getSpanContext();
            if (sent.isValid()) {
                traces.putIfAbsent(sent.getTraceId(), sent);
            }
        }
        List<SpanContext> sent = List.copyOf(traces.values());
        Context parent = sent.isEmpty() ? Context.root() : Context.root().with(Span.wrap(sent.get(0)));
        SpanBuilder batch = messaging(span(topic + " process", SpanKind.CONSUMER, parent), topic)
                .setAttribute("messaging.batch.message_count", records.count());
        sent.stream().skip(1).forEach(batch::addLink);
        return batch.startSpan();
    }

    private static SpanBuilder messaging(SpanBuilder span, String topic) {
        return span.setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation", "process");
    }
}
