CREATE INDEX email_idx ON public."Users" (email);
