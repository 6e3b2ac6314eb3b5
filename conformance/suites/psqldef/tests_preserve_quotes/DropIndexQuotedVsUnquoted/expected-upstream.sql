DROP INDEX public."NameIndex";
