CREATE TABLE public.users (
  id BIGINT PRIMARY KEY,
  name character varying(100)
);
CREATE TABLE public.posts (
  id BIGINT PRIMARY KEY,
  name character varying(100),
  user_id BIGINT,
  is_deleted boolean
);
CREATE MATERIALIZED VIEW public.view_user_posts AS
  SELECT p.id FROM (posts as p JOIN users as u ON ((p.user_id = u.id)));
