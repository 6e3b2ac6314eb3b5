CREATE TYPE new_status AS ENUM ('a', 'b');
ALTER TABLE public.items ALTER COLUMN status TYPE new_status USING status::text::new_status;
DROP TYPE public.old_status;
