DROP TABLE "foo"."bigdata";
