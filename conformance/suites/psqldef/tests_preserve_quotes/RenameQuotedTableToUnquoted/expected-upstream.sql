ALTER TABLE public."UserAccounts" RENAME TO user_accounts;
