CREATE TABLE "cm_app_user_device" (
	"user_uuid" uuid NOT NULL,
	"device_uuid" uuid NOT NULL,
	CONSTRAINT "cm_app_user_device_user_uuid_device_uuid_pk" PRIMARY KEY("user_uuid","device_uuid")
);
--> statement-breakpoint
CREATE TABLE "cm_app_user" (
	"uuid" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"userid" text NOT NULL,
	"password_hash" text,
	"presence_group_name" text DEFAULT 'Standard Presence group' NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cm_device_line" (
	"device_uuid" uuid NOT NULL,
	"line_uuid" uuid NOT NULL,
	"line_index" integer NOT NULL,
	"label" text,
	"display" text,
	"max_num_calls" integer NOT NULL,
	"busy_trigger" integer NOT NULL,
	CONSTRAINT "cm_device_line_device_uuid_line_index_pk" PRIMARY KEY("device_uuid","line_index")
);
--> statement-breakpoint
CREATE TABLE "cm_device_pool" (
	"uuid" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "cm_device_pool_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "cm_device" (
	"uuid" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"product" text NOT NULL,
	"class" text NOT NULL,
	"protocol" text NOT NULL,
	"protocol_side" text DEFAULT 'User' NOT NULL,
	"device_pool_uuid" uuid NOT NULL,
	"location_name" text DEFAULT 'Hub_None' NOT NULL,
	"description" text,
	"owner_user_name" text,
	"calling_search_space_name" text
);
--> statement-breakpoint
CREATE TABLE "cm_end_user_device" (
	"user_uuid" uuid NOT NULL,
	"device_uuid" uuid NOT NULL,
	CONSTRAINT "cm_end_user_device_user_uuid_device_uuid_pk" PRIMARY KEY("user_uuid","device_uuid")
);
--> statement-breakpoint
CREATE TABLE "cm_end_user" (
	"uuid" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"userid" text NOT NULL,
	"first_name" text,
	"last_name" text NOT NULL,
	"display_name" text,
	"mailid" text,
	"department" text,
	"telephone_number" text,
	"password_hash" text,
	"pin_hash" text,
	"primary_extension_pattern" text,
	"primary_extension_partition" text DEFAULT '' NOT NULL,
	"enable_cti" boolean DEFAULT true NOT NULL,
	"presence_group_name" text DEFAULT 'Standard Presence group' NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cm_line" (
	"uuid" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pattern" text NOT NULL,
	"route_partition_name" text DEFAULT '' NOT NULL,
	"usage" text DEFAULT 'Device' NOT NULL,
	"description" text,
	"alerting_name" text
);
--> statement-breakpoint
CREATE TABLE "cm_route_partition" (
	"uuid" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "cm_route_partition_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "cm_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cm_app_user_device" ADD CONSTRAINT "cm_app_user_device_user_uuid_cm_app_user_uuid_fk" FOREIGN KEY ("user_uuid") REFERENCES "public"."cm_app_user"("uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cm_app_user_device" ADD CONSTRAINT "cm_app_user_device_device_uuid_cm_device_uuid_fk" FOREIGN KEY ("device_uuid") REFERENCES "public"."cm_device"("uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cm_device_line" ADD CONSTRAINT "cm_device_line_device_uuid_cm_device_uuid_fk" FOREIGN KEY ("device_uuid") REFERENCES "public"."cm_device"("uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cm_device_line" ADD CONSTRAINT "cm_device_line_line_uuid_cm_line_uuid_fk" FOREIGN KEY ("line_uuid") REFERENCES "public"."cm_line"("uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cm_device" ADD CONSTRAINT "cm_device_device_pool_uuid_cm_device_pool_uuid_fk" FOREIGN KEY ("device_pool_uuid") REFERENCES "public"."cm_device_pool"("uuid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cm_end_user_device" ADD CONSTRAINT "cm_end_user_device_user_uuid_cm_end_user_uuid_fk" FOREIGN KEY ("user_uuid") REFERENCES "public"."cm_end_user"("uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cm_end_user_device" ADD CONSTRAINT "cm_end_user_device_device_uuid_cm_device_uuid_fk" FOREIGN KEY ("device_uuid") REFERENCES "public"."cm_device"("uuid") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cm_app_user_userid" ON "cm_app_user" USING btree (lower("userid"));--> statement-breakpoint
CREATE INDEX "cm_device_line_line" ON "cm_device_line" USING btree ("line_uuid");--> statement-breakpoint
CREATE UNIQUE INDEX "cm_device_name" ON "cm_device" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "cm_end_user_userid" ON "cm_end_user" USING btree (lower("userid"));--> statement-breakpoint
CREATE UNIQUE INDEX "cm_line_key" ON "cm_line" USING btree ("pattern","route_partition_name");