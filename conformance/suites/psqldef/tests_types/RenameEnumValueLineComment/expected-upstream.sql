ALTER TYPE "public"."priority" RENAME VALUE 'low' TO 'minor';
