ALTER TABLE public.users ADD COLUMN roles "UserRole"[];
