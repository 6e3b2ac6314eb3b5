CREATE INDEX idx_posts_comment ON public.posts (id, comment);
