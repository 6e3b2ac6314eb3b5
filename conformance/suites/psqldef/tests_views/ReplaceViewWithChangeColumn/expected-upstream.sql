DROP VIEW "public"."v";
CREATE VIEW "public"."v" AS select foo, 'x' as changed from hoge;
