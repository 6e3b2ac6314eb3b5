ALTER INDEX public.old_idx RENAME TO new_idx;
COMMENT ON INDEX public.new_idx IS 'New index';
