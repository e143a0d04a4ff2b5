ALTER TABLE "cm_device_line" ADD COLUMN "uuid" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "cm_end_user_device" ADD COLUMN "uuid" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "cm_device_line" ADD CONSTRAINT "cm_device_line_uuid_unique" UNIQUE("uuid");--> statement-breakpoint
ALTER TABLE "cm_end_user_device" ADD CONSTRAINT "cm_end_user_device_uuid_unique" UNIQUE("uuid");