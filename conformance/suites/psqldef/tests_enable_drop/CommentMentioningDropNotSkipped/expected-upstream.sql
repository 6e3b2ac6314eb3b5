COMMENT ON TABLE public.audit_log IS 'rows written when a DROP TABLE happens';
