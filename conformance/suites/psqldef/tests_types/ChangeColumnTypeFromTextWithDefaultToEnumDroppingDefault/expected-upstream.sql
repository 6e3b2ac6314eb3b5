CREATE TYPE item_status AS ENUM ('active', 'inactive');
ALTER TABLE public.items ALTER COLUMN status DROP DEFAULT;
ALTER TABLE public.items ALTER COLUMN status TYPE item_status USING status::item_status;
