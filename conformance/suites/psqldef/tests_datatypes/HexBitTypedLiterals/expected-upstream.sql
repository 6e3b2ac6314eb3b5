ALTER TABLE public.flags ADD COLUMN mask bit(8) DEFAULT b'00011111';
ALTER TABLE public.flags ADD COLUMN nibble bit(4) DEFAULT b'1010';
