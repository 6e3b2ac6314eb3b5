ALTER TABLE public.events ADD COLUMN created_at_text text NOT NULL DEFAULT (now() at time zone 'utc')::text;
