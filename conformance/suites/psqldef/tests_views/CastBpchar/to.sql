CREATE TABLE public.dummy_table (
  "col" character(30)
);
CREATE VIEW public.dummy_view AS
  SELECT dummy_table.col
  FROM dummy_table
  WHERE (dummy_table.col <> 'dummy value'::bpchar);
