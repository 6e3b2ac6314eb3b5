CREATE TABLE audit (
  id bigint,
  note text,
  CONSTRAINT note_ck CHECK (note <> 'DROP TABLE')
);
