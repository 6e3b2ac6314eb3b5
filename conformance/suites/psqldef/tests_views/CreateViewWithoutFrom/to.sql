create view v as select 10 as n;
