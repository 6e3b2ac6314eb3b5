ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_ibfk_1";
ALTER TABLE ONLY public.posts ADD CONSTRAINT posts_ibfk_1 FOREIGN KEY (user_id) REFERENCES users (id) ON UPDATE CASCADE;
