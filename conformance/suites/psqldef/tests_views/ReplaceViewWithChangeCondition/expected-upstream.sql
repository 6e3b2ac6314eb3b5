CREATE OR REPLACE VIEW "public"."v" AS select foo, bar from hoge where bar = 'baz';
