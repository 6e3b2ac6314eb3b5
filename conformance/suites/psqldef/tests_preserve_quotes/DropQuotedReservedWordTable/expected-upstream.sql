DROP TABLE public."table";
