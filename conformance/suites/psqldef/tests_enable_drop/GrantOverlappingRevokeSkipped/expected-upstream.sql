GRANT INSERT ON TABLE "public"."users" TO "user1";
GRANT SELECT, INSERT ON TABLE "public"."users" TO "user2";
GRANT UPDATE, DELETE ON TABLE "public"."users" TO "user1", "user3";
