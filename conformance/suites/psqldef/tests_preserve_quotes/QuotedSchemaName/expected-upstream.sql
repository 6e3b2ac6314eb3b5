ALTER TABLE "MySchema"."Users" ADD COLUMN name text;
