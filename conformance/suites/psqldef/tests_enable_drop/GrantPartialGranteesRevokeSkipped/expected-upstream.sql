GRANT SELECT ON TABLE "public"."users" TO "user2";
GRANT INSERT, UPDATE ON TABLE "public"."users" TO "user2", "user4";
