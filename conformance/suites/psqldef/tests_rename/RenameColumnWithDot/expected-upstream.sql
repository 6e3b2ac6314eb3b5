ALTER TABLE "public"."users" RENAME COLUMN "special.column" TO "special_column";
