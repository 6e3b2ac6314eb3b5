ALTER TABLE "public"."dummy" DROP CONSTRAINT "dummy_uniq";
alter table dummy add constraint dummy_uniq unique (column_a, column_b);
