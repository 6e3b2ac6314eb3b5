CREATE TABLE users (
  id INT PRIMARY KEY
);
CREATE TABLE loooooooooooooooooooooooooooooooooooooooong_table_63_characters (
  -- loooooooooooooooooooooooooooooooooooooooong_table_63_cha_a_fkey
  a INT NOT NULL REFERENCES users (id)
);
CREATE TABLE loooooong_table_29_characters (
  -- loooooong_table_29_characters_loooong_column_28_characters_fkey
  loooong_column_28_characters INT NOT NULL REFERENCES users (id),

  -- loooooong_table_29_characters_looooong_column_29_character_fkey
  looooong_column_29_characters INT NOT NULL REFERENCES users (id)
);
CREATE TABLE looooooong_table_30_characters (
  -- looooooong_table_30_character_looooong_column_29_character_fkey
  looooong_column_29_characters INT NOT NULL REFERENCES users (id),

  -- looooooong_table_30_character_loooong_column_28_characters_fkey
  loooong_column_28_characters INT NOT NULL REFERENCES users (id),

  -- looooooong_table_30_characters_looong_column_27_characters_fkey
  looong_column_27_characters INT NOT NULL REFERENCES users (id)
);
CREATE TABLE a (
  -- a_looooooooooooooooooooooooooooooooong_column_57_character_fkey
  looooooooooooooooooooooooooooooooong_column_57_characters INT NOT NULL REFERENCES users (id),

  -- a_loooooooooooooooooooooooooooooooong_column_56_characters_fkey
  loooooooooooooooooooooooooooooooong_column_56_characters INT NOT NULL REFERENCES users (id)
);
