ALTER TABLE public.items ALTER COLUMN status TYPE text;
DROP TYPE myschema.item_status;
