ALTER TABLE user_profiles ADD CONSTRAINT fk_user_profiles_user
  FOREIGN KEY (user_id) REFERENCES users (user_id)
  ON UPDATE NO ACTION ON DELETE RESTRICT;
