ALTER TABLE public."Orders" DROP CONSTRAINT "FK_Order_User";
