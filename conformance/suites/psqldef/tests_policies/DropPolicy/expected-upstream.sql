DROP POLICY "p_users" ON "public"."users";
