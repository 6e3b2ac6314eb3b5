DROP VIEW "public"."v";
CREATE VIEW "public"."v" AS select foo from hoge;
