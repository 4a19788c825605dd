-- Inserts are batched per table (hibernate.order_inserts), so a version row may reach the database before its
-- designation row within one transaction; the reference is checked at commit instead of per statement.
ALTER TABLE designation_version
    ALTER CONSTRAINT designation_version_designation_id_fkey DEFERRABLE INITIALLY DEFERRED;
