DROP EXTENSION "pgcrypto";
