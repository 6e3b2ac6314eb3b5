CREATE TABLE "public"."companies" (
  "id" character varying(100) NOT NULL,
  PRIMARY KEY ("id")
);

CREATE TABLE "public"."variables" (
  "id" character varying(100) NOT NULL,
  "company_id" character varying(100) NOT NULL,
  PRIMARY KEY ("id")
);

CREATE TABLE "public"."users" (
  "id" character varying(100) NOT NULL,
  "variable_id" character varying(100) NOT NULL,
  "name" character varying(100),
  PRIMARY KEY ("id")
);
