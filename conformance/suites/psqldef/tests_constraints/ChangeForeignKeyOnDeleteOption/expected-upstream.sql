ALTER TABLE public.posts DROP CONSTRAINT posts_user_fk;
ALTER TABLE posts ADD CONSTRAINT posts_user_fk
  FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
