-- The W3C trace context of the work that changed the alert (null when tracing is off): the relay publishes the
-- event under it, so one designation's trace goes on past the outbox (docs/operations.md, "Traces").
ALTER TABLE alert_outbox ADD COLUMN traceparent VARCHAR(55);
