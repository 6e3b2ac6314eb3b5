CREATE TYPE status_type AS ENUM ('active', 'inactive');
COMMENT ON TYPE status_type IS 'Status enumeration type';
