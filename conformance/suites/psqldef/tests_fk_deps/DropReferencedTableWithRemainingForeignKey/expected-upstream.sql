ALTER TABLE "public"."employees" DROP CONSTRAINT "emp_dept_fk";
DROP TABLE "public"."departments";
