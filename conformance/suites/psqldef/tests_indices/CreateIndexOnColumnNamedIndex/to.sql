CREATE TABLE ai_statements (
  user_id bigint NOT NULL,
  reply_id bigint NOT NULL,
  index integer NOT NULL
);
CREATE INDEX idx_ai_statements_user_reply_index ON ai_statements (user_id, reply_id, index);
