ALTER TABLE public."order" DROP COLUMN "group";
