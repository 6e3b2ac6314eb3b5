ALTER INDEX public.email_idx RENAME TO "EmailIndex";
