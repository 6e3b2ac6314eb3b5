ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_ibfk_1";
