ALTER TABLE public.reservations ADD CONSTRAINT reservations_uq UNIQUE (room_id, valid_range WITHOUT OVERLAPS);
