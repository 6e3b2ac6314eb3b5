create table dummy(
  column_a int not null,
  column_b int not null,
  column_c int not null
);
alter table dummy add constraint dummy_uniq unique (column_a, column_b) not deferrable initially immediate;
