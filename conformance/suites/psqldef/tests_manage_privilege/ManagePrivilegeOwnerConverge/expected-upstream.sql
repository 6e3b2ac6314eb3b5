ALTER TABLE users OWNER TO app_user;
