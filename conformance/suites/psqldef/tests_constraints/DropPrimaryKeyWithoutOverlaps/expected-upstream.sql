ALTER TABLE public.reservations DROP CONSTRAINT reservations_pk;
