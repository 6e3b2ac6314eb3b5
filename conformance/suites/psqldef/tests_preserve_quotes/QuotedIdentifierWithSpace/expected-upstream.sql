ALTER TABLE public."User Profiles" ADD COLUMN "Full Name" text;
