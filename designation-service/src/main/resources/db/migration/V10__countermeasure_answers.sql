-- The countermeasures answering a designation (GET /api/v1/countermeasures?respondsTo=) are found by containment on
-- their respondsTo: by designationId, or by the authority and day of the action they answer.
-- V9 may be taken by another change; on a fresh database Flyway applies it in order before this one.
CREATE INDEX designation_responds_to ON designation USING GIN ((state -> 'respondsTo') jsonb_path_ops)
    WHERE kind = 'COUNTERMEASURE';
