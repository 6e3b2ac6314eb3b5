ALTER DOMAIN "public"."email" SET NOT NULL;
