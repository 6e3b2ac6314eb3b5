REVOKE DELETE, INSERT ON TABLE "public"."users" FROM "app_user";
GRANT UPDATE ON TABLE "public"."users" TO "app_user";
