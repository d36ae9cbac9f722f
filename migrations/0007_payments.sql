CREATE SEQUENCE "public"."payid_seq" INCREMENT BY 1 MINVALUE 3000000001 MAXVALUE 9223372036854775807 START WITH 3000000001 CACHE 1;--> statement-breakpoint
CREATE TABLE "aliases" (
	"account_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"brand" text NOT NULL,
	"card_masked" text NOT NULL,
	"card_expiry" text NOT NULL,
	"card_holder" text,
	"card_fingerprint" text NOT NULL,
	"card_number_sealed" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "aliases_account_id_alias_pk" PRIMARY KEY("account_id","alias"),
	CONSTRAINT "aliases_state_check" CHECK ("aliases"."state" in ('pending', 'active', 'error', 'updated'))
);
--> statement-breakpoint
CREATE TABLE "order_operations" (
	"account_id" uuid NOT NULL,
	"pay_id" bigint NOT NULL,
	"pay_id_sub" integer NOT NULL,
	"operation" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" integer NOT NULL,
	"nc_error" text DEFAULT '0' NOT NULL,
	"acceptance" text,
	"user_id" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "order_operations_account_id_pay_id_pay_id_sub_pk" PRIMARY KEY("account_id","pay_id","pay_id_sub")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"account_id" uuid NOT NULL,
	"pay_id" bigint NOT NULL,
	"order_id" text NOT NULL,
	"operation" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" integer NOT NULL,
	"nc_error" text DEFAULT '0' NOT NULL,
	"acceptance" text,
	"brand" text,
	"card_masked" text,
	"card_expiry" text,
	"card_holder" text,
	"email" text,
	"owner_address" text,
	"owner_zip" text,
	"owner_town" text,
	"owner_country" text,
	"owner_phone" text,
	"description" text,
	"eci" integer,
	"alias" text,
	"source" text NOT NULL,
	"user_id" uuid,
	"customer_ip" text,
	"ordered_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"authorised_amount" bigint DEFAULT 0 NOT NULL,
	"captured_amount" bigint DEFAULT 0 NOT NULL,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"capture_closed" boolean DEFAULT false NOT NULL,
	"refund_closed" boolean DEFAULT false NOT NULL,
	"last_pay_id_sub" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "orders_account_id_pay_id_pk" PRIMARY KEY("account_id","pay_id"),
	CONSTRAINT "orders_amounts_check" CHECK ("orders"."captured_amount" >= 0 and "orders"."refunded_amount" >= 0 and "orders"."amount" >= 0),
	CONSTRAINT "orders_capture_limit_check" CHECK ("orders"."captured_amount" <= greatest("orders"."authorised_amount", 0)),
	CONSTRAINT "orders_refund_limit_check" CHECK ("orders"."operation" = 'RFD' or "orders"."refunded_amount" <= "orders"."captured_amount")
);
--> statement-breakpoint
ALTER TABLE "aliases" ADD CONSTRAINT "aliases_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_operations" ADD CONSTRAINT "order_operations_account_id_pay_id_orders_account_id_pay_id_fk" FOREIGN KEY ("account_id","pay_id") REFERENCES "public"."orders"("account_id","pay_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aliases_account_fingerprint_idx" ON "aliases" USING btree ("account_id","card_fingerprint");--> statement-breakpoint
CREATE INDEX "order_operations_account_requested_idx" ON "order_operations" USING btree ("account_id","requested_at","pay_id","pay_id_sub");--> statement-breakpoint
CREATE INDEX "order_operations_pending_idx" ON "order_operations" USING btree ("requested_at") WHERE "order_operations"."status" in (91, 61, 81, 52);--> statement-breakpoint
CREATE UNIQUE INDEX "orders_account_order_id_key" ON "orders" USING btree ("account_id","order_id");--> statement-breakpoint
CREATE INDEX "orders_account_ordered_idx" ON "orders" USING btree ("account_id","ordered_at","pay_id");