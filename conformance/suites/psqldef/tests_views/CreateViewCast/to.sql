create table hoge (
  amount text
);

create view hoge_view as
select
  amount::numeric(10,2) as amount_num
from hoge;
