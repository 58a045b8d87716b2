-- Who changed what, and when: one row per record a write changed, inserted in the write's own
-- transaction so the log never claims a change that was rolled back nor misses one that held.
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TIMESTAMP(6) NOT NULL,
    actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    version_before INTEGER,
    version_after INTEGER
);
CREATE INDEX audit_log_record_idx ON audit_log (record_type, record_id, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id);
