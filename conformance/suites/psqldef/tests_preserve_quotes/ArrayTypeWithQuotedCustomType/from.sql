CREATE TYPE "UserRole" AS ENUM ('admin', 'user');
CREATE TABLE users (id int);
