ALTER TABLE "users" ADD COLUMN "scope_own_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_log_account_user_time_idx" ON "audit_log" USING btree ("account_id","user_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_account_event_time_idx" ON "audit_log" USING btree ("account_id","event_type","occurred_at","id");