ALTER TABLE public."Users" ADD CHECK ("OrderId" > 0);
