CREATE TABLE "select" (
  id bigint,
  "update" boolean
);
COMMENT ON TABLE "select" IS '"select" table is updated';
COMMENT ON COLUMN "select".id IS '"select".id column is updated';
COMMENT ON COLUMN "select"."update" IS '"select"."update" column is updated';
