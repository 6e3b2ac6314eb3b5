CREATE TYPE item_status AS ENUM ('active', 'inactive');
ALTER TABLE public.items ALTER COLUMN status_text TYPE item_status USING status_text::item_status;
ALTER TABLE public.items ALTER COLUMN status_varchar TYPE item_status USING status_varchar::item_status;
ALTER TABLE public.items ALTER COLUMN status_citext TYPE item_status USING status_citext::item_status;
ALTER TABLE public.items ALTER COLUMN status_name TYPE item_status USING status_name::item_status;
