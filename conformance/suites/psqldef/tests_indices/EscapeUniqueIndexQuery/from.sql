CREATE TABLE "userTable" (
    id uuid NOT NULL,
    "firstName" text,
    "lastName" text
);
