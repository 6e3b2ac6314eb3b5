CREATE INDEX email_lower_idx ON public."Users" (lower("Email"));
