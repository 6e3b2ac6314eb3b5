CREATE TYPE eventtype AS ENUM (
  'example',
  'send_message'
);

CREATE TABLE events (
  id UUID NOT NULL PRIMARY KEY,
  event_type eventtype NOT NULL
);
