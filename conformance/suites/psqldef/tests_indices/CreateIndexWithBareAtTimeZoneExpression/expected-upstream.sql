CREATE INDEX idx_created_at_utc ON public.events ((created_at at time zone 'utc'));
