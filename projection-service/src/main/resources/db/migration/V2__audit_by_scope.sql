-- The gateway's history endpoint also reads the audit of a whole account and region.
CREATE INDEX audit_by_scope ON audit (account, region, log_partition, log_offset);
