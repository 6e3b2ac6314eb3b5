CREATE TYPE status AS ENUM ('active', 'pending', 'inactive');
