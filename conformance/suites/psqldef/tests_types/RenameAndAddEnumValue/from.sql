CREATE TYPE workflow AS ENUM ('active', 'pending');
