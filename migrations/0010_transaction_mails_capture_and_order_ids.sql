CREATE TABLE "transaction_mails" (
	"account_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "transaction_mails_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"pay_id" bigint NOT NULL,
	"pay_id_sub" integer NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "transaction_mails_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
DROP INDEX "orders_account_order_id_key";--> statement-breakpoint
ALTER TABLE "transaction_mails" ADD CONSTRAINT "transaction_mails_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transaction_mails_due_idx" ON "transaction_mails" USING btree ("next_attempt_at") WHERE "transaction_mails"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "orders_account_order_id_idx" ON "orders" USING btree ("account_id","order_id");--> statement-breakpoint
CREATE INDEX "orders_capture_due_idx" ON "orders" USING btree ("ordered_at") WHERE "orders"."status" = 5 and not "orders"."capture_closed";--> statement-breakpoint
CREATE UNIQUE INDEX "orders_account_order_id_key" ON "orders" USING btree ("account_id","order_id") WHERE "orders"."status" not in (0, 2);