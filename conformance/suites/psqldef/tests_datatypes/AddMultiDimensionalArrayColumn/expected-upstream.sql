ALTER TABLE "public"."matrices" ADD COLUMN "matrix_2d" integer[];
