ALTER TABLE "accounts" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "billing_address" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "vat_number" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "billing_contact" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "billing_mode" text DEFAULT 'invoice' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "subscription" text DEFAULT 'professional' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "payment_page_languages" text[] DEFAULT '{en_US,fr_FR}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "terms_url" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "currencies" text[] DEFAULT '{EUR}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "retention_days" integer DEFAULT 540 NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "section_versions" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "production_account_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_production_account_key" ON "accounts" USING btree ("production_account_id");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_billing_mode_check" CHECK ("accounts"."billing_mode" in ('invoice', 'direct_debit'));--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_retention_days_check" CHECK ("accounts"."retention_days" between 45 and 540);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_deactivated_reason_check" CHECK ("users"."deactivated_reason" in ('administrator', 'inactivity'));--> statement-breakpoint
-- Users already inactive were switched off by an administrator.
UPDATE "users" SET "deactivated_reason" = 'administrator' WHERE NOT "active";--> statement-breakpoint
-- The audit log stays append-only, with one exception: the daily purge (src/jobs/, decision record
-- 0021) removes entries older than 12 months (PCI DSS 10.5.1 keeps at least 12), and only inside a
-- transaction that set guichet.audit_purge to 'on'. UPDATE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('guichet.audit_purge', true) = 'on'
     AND OLD.occurred_at < now() - interval '12 months' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
