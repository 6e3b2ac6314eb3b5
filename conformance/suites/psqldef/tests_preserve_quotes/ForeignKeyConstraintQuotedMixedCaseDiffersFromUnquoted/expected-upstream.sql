ALTER TABLE public.orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES public.users (id);
ALTER TABLE public.orders DROP CONSTRAINT "FK_User";
