ALTER TYPE "schema2"."lang" ADD VALUE 'de';
