CREATE TABLE audit_log (id bigint);
