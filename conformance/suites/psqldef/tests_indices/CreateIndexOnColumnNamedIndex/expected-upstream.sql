CREATE INDEX idx_ai_statements_user_reply_index ON public.ai_statements (user_id, reply_id, index);
