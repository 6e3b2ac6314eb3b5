CREATE INDEX idx_trigger ON public.events (user_id, trigger);
