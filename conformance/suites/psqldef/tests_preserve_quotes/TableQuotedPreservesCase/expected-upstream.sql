ALTER TABLE public."Users" ADD COLUMN name text;
