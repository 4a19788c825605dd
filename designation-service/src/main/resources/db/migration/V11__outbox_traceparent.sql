-- The W3C trace context of the change that wrote the event (null when tracing is off): the relay publishes the
-- event under it, so the trace goes on past the outbox (docs/operations.md, "Traces").
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
