DROP VIEW public."ActiveUsers";
