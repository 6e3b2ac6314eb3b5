ALTER TYPE "public"."workflow" RENAME VALUE 'pending' TO 'waiting';
ALTER TYPE "public"."workflow" ADD VALUE 'archived';
