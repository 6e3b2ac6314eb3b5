ALTER TABLE public."表表表表表表表表表表表表表表表表表表表表" ADD CHECK (a > 0);
