CREATE TYPE membership_tier AS ENUM ('bronze', 'silver', 'gold');
CREATE TABLE members (
  id bigint NOT NULL PRIMARY KEY,
  tier membership_tier NOT NULL
);
