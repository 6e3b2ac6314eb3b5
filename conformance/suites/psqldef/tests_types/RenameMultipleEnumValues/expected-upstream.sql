ALTER TYPE "public"."level" RENAME VALUE 'low' TO 'minor';
ALTER TYPE "public"."level" RENAME VALUE 'medium' TO 'normal';
ALTER TYPE "public"."level" RENAME VALUE 'high' TO 'critical';
