package io.sanctionsradar.notification.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A CloudEvent taken from Kafka in binary mode, turned into the structured-mode JSON that webhooks carry
 * ({@code specversion, id, source, type, subject, time, datacontenttype, data}).
 */
public record ReceivedEvent(String id, String type, String subject, String topic, Integer partition, Long offset,
                            JsonNode data, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Empty when the record is not a CloudEvent (no id or type), which no producer of ours writes. */
    public static Optional<ReceivedEvent> of(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            return Optional.empty();
        }
        String subject = header(record, "ce_subject");
        JsonNode data = parse(record.value());
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", Optional.ofNullable(header(record, "ce_specversion")).orElse("1.0"))
                .put("id", id)
                .put("source", header(record, "ce_source"))
                .put("type", type);
        putIfPresent(event, "subject", subject);
        putIfPresent(event, "time", header(record, "ce_time"));
        event.put("datacontenttype", data.isTextual() ? "text/plain" : "application/json");
        event.set("data", data);
        return Optional.of(new ReceivedEvent(id, type, subject, record.topic(), record.partition(), record.offset(),
                data, event.toString()));
    }

    /** An event made here rather than taken from Kafka (a test ping). */
    public static ReceivedEvent local(String id, String type, String source, String subject, String time,
                                      JsonNode data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", id).put("source", source)
                .put("type", type).put("subject", subject).put("time", time)
                .put("datacontenttype", "application/json");
        event.set("data", data);
        return new ReceivedEvent(id, type, subject, null, null, null, data, event.toString());
    }

    public static JsonNode parse(String value) {
        if (value == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(value); // kept as text rather than lost; filters see no facts in it
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
