ALTER TABLE public.events ADD COLUMN created_at timestamp NOT NULL DEFAULT (current_timestamp at time zone 'utc');
