CREATE MATERIALIZED VIEW public.view_user_posts AS
  SELECT p.id FROM (posts as p JOIN users as u ON ((p.user_id = u.id)));
