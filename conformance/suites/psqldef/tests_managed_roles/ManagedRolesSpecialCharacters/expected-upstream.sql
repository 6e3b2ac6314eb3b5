GRANT SELECT ON TABLE "public"."users" TO "user-with-dash";
GRANT INSERT ON TABLE "public"."users" TO "user.with.dot";
GRANT UPDATE ON TABLE "public"."users" TO "user@domain.com";
