ALTER TABLE public.reservations ADD CONSTRAINT reservations_pk PRIMARY KEY (id, valid_range WITHOUT OVERLAPS);
