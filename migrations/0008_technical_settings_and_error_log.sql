CREATE TABLE "technical_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"default_operation" text DEFAULT 'RES' NOT NULL,
	"data_capture" text DEFAULT 'merchant' NOT NULL,
	"capture_after_days" integer DEFAULT 2 NOT NULL,
	"processing_mode" text DEFAULT 'online' NOT NULL,
	"payment_retries" integer DEFAULT 10 NOT NULL,
	"default_eci" integer DEFAULT 7 NOT NULL,
	"sha_algorithm" text DEFAULT 'SHA-512' NOT NULL,
	"charset" text DEFAULT 'utf-8' NOT NULL,
	"referrer_urls" text[] DEFAULT '{}'::text[] NOT NULL,
	"sha_in_ecommerce_sealed" text,
	"allowed_ips" text[] DEFAULT '{}'::text[] NOT NULL,
	"sha_in_directlink_sealed" text,
	"sha_out_sealed" text,
	"post_sale_url_accepted" text,
	"post_sale_url_declined" text,
	"post_sale_timing" text DEFAULT 'none' NOT NULL,
	"status_change_url" text,
	"feedback_parameters" text[] DEFAULT '{}'::text[] NOT NULL,
	"merchant_emails" text,
	"merchant_confirmation_emails" boolean DEFAULT false NOT NULL,
	"status_change_emails" boolean DEFAULT false NOT NULL,
	"customer_confirmation_emails" boolean DEFAULT false NOT NULL,
	"section_versions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technical_settings_operation_check" CHECK ("technical_settings"."default_operation" in ('RES', 'SAL')),
	CONSTRAINT "technical_settings_capture_check" CHECK ("technical_settings"."data_capture" in ('merchant', 'end_of_day', 'after_days') and "technical_settings"."capture_after_days" >= 2),
	CONSTRAINT "technical_settings_mode_check" CHECK ("technical_settings"."processing_mode" in ('online', 'online_fallback', 'offline')),
	CONSTRAINT "technical_settings_algorithm_check" CHECK ("technical_settings"."sha_algorithm" in ('SHA-1', 'SHA-256', 'SHA-512')),
	CONSTRAINT "technical_settings_charset_check" CHECK ("technical_settings"."charset" in ('utf-8', 'iso-8859-1')),
	CONSTRAINT "technical_settings_timing_check" CHECK ("technical_settings"."post_sale_timing" in ('none', 'deferred', 'online', 'online_deferred'))
);
--> statement-breakpoint
CREATE TABLE "transaction_errors" (
	"account_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "transaction_errors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"userid" text,
	"order_id" text,
	"nc_error" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "transaction_errors_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "pay_id" SET DEFAULT nextval('payid_seq');--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "acquirer_reference" text;--> statement-breakpoint
ALTER TABLE "technical_settings" ADD CONSTRAINT "technical_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_errors" ADD CONSTRAINT "transaction_errors_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transaction_errors_account_time_idx" ON "transaction_errors" USING btree ("account_id","occurred_at","id");