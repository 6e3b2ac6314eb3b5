DROP VIEW "public"."v";
CREATE VIEW "public"."v" AS select foo, 'x' as added, bar from hoge;
