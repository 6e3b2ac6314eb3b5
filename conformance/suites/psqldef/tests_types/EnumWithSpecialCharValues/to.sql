CREATE TYPE status_type AS ENUM ('in-progress', 'on-hold', 'n/a');
