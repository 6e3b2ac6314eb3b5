ALTER TABLE public."Users" ADD PRIMARY KEY ("UserId");
