ALTER TABLE public.users ADD PRIMARY KEY ("UserId");
