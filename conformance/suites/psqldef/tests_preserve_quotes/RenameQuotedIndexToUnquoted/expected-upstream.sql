ALTER INDEX public."EmailIndex" RENAME TO email_idx;
