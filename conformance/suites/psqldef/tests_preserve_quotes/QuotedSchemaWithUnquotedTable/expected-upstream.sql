ALTER TABLE "MySchema".users ADD COLUMN name text;
