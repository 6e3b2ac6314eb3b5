ALTER TYPE "public"."status" RENAME VALUE 'pending' TO 'waiting';
