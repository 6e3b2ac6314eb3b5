DROP TABLE public."Users";
