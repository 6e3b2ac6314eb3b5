ALTER TABLE public.orders ADD CONSTRAINT "FK_New_Name" FOREIGN KEY (user_id) REFERENCES public.users (id);
ALTER TABLE public.orders DROP CONSTRAINT "FK_Old_Name";
