DROP POLICY "p_users" ON "public"."users";
CREATE POLICY p_users ON users AS RESTRICTIVE FOR ALL TO postgres USING (true);
