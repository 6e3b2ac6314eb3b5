DROP DOMAIN "public"."email";
