ALTER TABLE "MySchema".users ADD COLUMN quoted_col text;
ALTER TABLE myschema.users ADD COLUMN unquoted_col text;
