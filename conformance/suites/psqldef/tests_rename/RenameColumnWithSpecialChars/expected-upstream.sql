ALTER TABLE "public"."users" RENAME COLUMN "column-with-dash" TO "column_with_underscore";
