-- Skipped: REVOKE SELECT ON TABLE "public"."users" FROM "readonly_user";
REVOKE SELECT ON TABLE "public"."users" FROM "user1";
