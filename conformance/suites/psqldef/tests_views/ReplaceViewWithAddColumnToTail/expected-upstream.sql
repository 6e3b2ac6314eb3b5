CREATE OR REPLACE VIEW "public"."v" AS select foo, bar, 'x' as added from hoge;
