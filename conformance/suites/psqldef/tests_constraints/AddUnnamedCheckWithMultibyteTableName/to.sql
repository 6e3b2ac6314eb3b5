CREATE TABLE "表表表表表表表表表表表表表表表表表表表表" (
  a integer CHECK (a > 0)
);
