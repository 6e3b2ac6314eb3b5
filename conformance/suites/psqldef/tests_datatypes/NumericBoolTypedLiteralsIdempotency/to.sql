CREATE TABLE events (
  id serial PRIMARY KEY,
  ratio numeric DEFAULT numeric '1.5',
  amount decimal DEFAULT decimal '2.5',
  score real DEFAULT real '3.5',
  count_i int DEFAULT int '1',
  big_count bigint DEFAULT bigint '2',
  small_count smallint DEFAULT smallint '3',
  dbl double precision DEFAULT double precision '4.5',
  active boolean DEFAULT boolean 'true',
  inactive boolean DEFAULT boolean 'f'
);
