ALTER TABLE v_users OWNER TO app_user;
