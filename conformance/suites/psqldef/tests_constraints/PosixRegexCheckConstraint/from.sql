CREATE TABLE test (
  posix_regex        text NOT NULL CHECK (posix_regex        ~   '[0-9]'),
  posix_regex_ci     text NOT NULL CHECK (posix_regex_ci     ~*  '[0-9]'),
  posix_not_regex    text NOT NULL CHECK (posix_not_regex    !~  '[0-9]'),
  posix_not_regex_ci text NOT NULL CHECK (posix_not_regex_ci !~* '[0-9]')
);
