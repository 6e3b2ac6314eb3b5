CREATE UNIQUE INDEX idx_users_email ON public.users (email);
