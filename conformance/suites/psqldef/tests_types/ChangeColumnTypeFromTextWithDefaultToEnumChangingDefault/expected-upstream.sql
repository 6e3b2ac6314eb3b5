CREATE TYPE item_status AS ENUM ('active', 'inactive', 'pending');
ALTER TABLE public.items ALTER COLUMN status DROP DEFAULT;
ALTER TABLE public.items ALTER COLUMN status TYPE item_status USING status::item_status;
ALTER TABLE public.items ALTER COLUMN status SET DEFAULT 'pending';
