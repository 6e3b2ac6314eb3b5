ALTER TYPE "myschema"."status" RENAME VALUE 'pending' TO 'waiting';
