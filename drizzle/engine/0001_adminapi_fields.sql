ALTER TABLE "engine_application" ADD COLUMN "parameter_types" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "engine_application" ADD COLUMN "default_script" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "engine_application" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "engine_application" ADD COLUMN "enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "engine_resource" ADD COLUMN "alias" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "engine_team" ADD COLUMN "acd_busy_on_non_acd_busy" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "engine_team" ADD COLUMN "non_acd_busy_override" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "engine_trigger" ADD COLUMN "locale" text DEFAULT 'en_US' NOT NULL;--> statement-breakpoint
ALTER TABLE "engine_trigger" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "engine_trigger" ADD COLUMN "device_settings" jsonb DEFAULT '{}'::jsonb NOT NULL;