ALTER TABLE public."select" ADD COLUMN "from" text;
