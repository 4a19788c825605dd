-- The W3C trace context of the event's processing (null when tracing is off): each attempt's webhook request is
-- sent in that trace and carries it in its traceparent header (docs/operations.md, "Traces").
ALTER TABLE delivery ADD COLUMN traceparent VARCHAR(55);
