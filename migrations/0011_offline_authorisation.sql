DROP INDEX "order_operations_pending_idx";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "card_number_sealed" text;--> statement-breakpoint
CREATE INDEX "order_operations_pending_idx" ON "order_operations" USING btree ("requested_at") WHERE "order_operations"."status" in (91, 61, 81, 52, 51);