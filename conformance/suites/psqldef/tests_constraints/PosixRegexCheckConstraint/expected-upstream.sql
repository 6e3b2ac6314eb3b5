ALTER TABLE "public"."test" DROP CONSTRAINT "test_posix_regex_check";
ALTER TABLE "public"."test" DROP CONSTRAINT "test_posix_regex_ci_check";
ALTER TABLE "public"."test" DROP CONSTRAINT "test_posix_not_regex_check";
ALTER TABLE "public"."test" DROP CONSTRAINT "test_posix_not_regex_ci_check";
ALTER TABLE "public"."test" ADD CHECK (posix_regex ~ '[a-z]');
ALTER TABLE "public"."test" ADD CHECK (posix_regex_ci ~* '[a-z]');
ALTER TABLE "public"."test" ADD CHECK (posix_not_regex !~ '[a-z]');
ALTER TABLE "public"."test" ADD CHECK (posix_not_regex_ci !~* '[a-z]');
