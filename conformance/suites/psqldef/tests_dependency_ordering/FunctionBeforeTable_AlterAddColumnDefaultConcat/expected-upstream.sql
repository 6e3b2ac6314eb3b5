CREATE FUNCTION new_id() RETURNS text AS $$ BEGIN RETURN md5(random()::text); END; $$ LANGUAGE plpgsql VOLATILE;
ALTER TABLE public.accounts ADD COLUMN public_id text NOT NULL DEFAULT 'acc_' || new_id();
