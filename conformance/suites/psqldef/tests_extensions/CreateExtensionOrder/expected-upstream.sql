CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TABLE hoge (id UUID DEFAULT gen_random_uuid());
