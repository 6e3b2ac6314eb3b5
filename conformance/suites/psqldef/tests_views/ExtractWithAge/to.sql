CREATE TABLE user_info (
  user_id varchar,
  birthdate timestamp with time zone
);
CREATE VIEW age_view AS
  SELECT
    user_id,
    EXTRACT(year FROM age(birthdate)) AS age_years,
    EXTRACT(month FROM age(birthdate)) AS age_months
  FROM user_info;
