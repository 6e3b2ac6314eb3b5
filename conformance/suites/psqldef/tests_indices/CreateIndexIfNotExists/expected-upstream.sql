CREATE INDEX idx_users_name ON public.users (name);
