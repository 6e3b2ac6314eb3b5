CREATE TABLE hoge (id UUID DEFAULT gen_random_uuid());
CREATE EXTENSION IF NOT EXISTS pgcrypto;
