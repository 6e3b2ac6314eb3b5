CREATE INDEX idx_posts_comment_present ON public.posts (id) WHERE comment is not null;
