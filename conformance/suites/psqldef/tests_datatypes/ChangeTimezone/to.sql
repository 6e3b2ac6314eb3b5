CREATE TABLE test (
  timestamp_at1 timestamp WITHOUT TIME ZONE NOT NULL,
  timestamp_at2 timestamp NOT NULL,
  timestamp_at3 timestamp WITH TIME ZONE NOT NULL,
  timestamp_at4 timestamp WITH TIME ZONE NOT NULL,
  time_at1 time WITHOUT TIME ZONE NOT NULL,
  time_at2 time NOT NULL,
  time_at3 time WITH TIME ZONE NOT NULL,
  time_at4 time WITH TIME ZONE NOT NULL
);
