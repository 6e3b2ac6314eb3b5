COMMENT ON TABLE "public"."select" IS '"select" table is updated';
COMMENT ON COLUMN "public"."select"."id" IS '"select".id column is updated';
COMMENT ON COLUMN "public"."select"."update" IS '"select"."update" column is updated';
