ALTER DOMAIN "public"."email" DROP NOT NULL;
