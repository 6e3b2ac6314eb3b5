ALTER TABLE public.events ADD COLUMN created_at timestamp NOT NULL DEFAULT (now() at time zone 'utc');
