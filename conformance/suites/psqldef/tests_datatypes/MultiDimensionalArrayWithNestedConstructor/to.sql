CREATE TABLE matrices (
  id serial PRIMARY KEY,
  matrix_2d int[][] DEFAULT ARRAY[ARRAY[1, 2], ARRAY[3, 4]]
);
