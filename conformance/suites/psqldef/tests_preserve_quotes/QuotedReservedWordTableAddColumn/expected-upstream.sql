ALTER TABLE public."order" ADD COLUMN "group" text NOT NULL;
