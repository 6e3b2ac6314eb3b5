DROP INDEX public."EmailIndex";
