CREATE TABLE "web_contact" (
	"id" serial PRIMARY KEY NOT NULL,
	"phone_book_id" integer NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"phone_number" text NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "web_layout_config" (
	"key" text PRIMARY KEY NOT NULL,
	"layout_xml" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "web_media_properties_layout" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"header" jsonb NOT NULL,
	"columns" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "web_phone_book" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "web_reason_code" (
	"id" serial PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"code" integer NOT NULL,
	"label" text NOT NULL,
	"for_all" boolean DEFAULT true NOT NULL,
	"system_code" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "web_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "web_workflow_action_ref" (
	"workflow_id" integer NOT NULL,
	"position" integer NOT NULL,
	"action_id" integer NOT NULL,
	CONSTRAINT "web_workflow_action_ref_workflow_id_position_pk" PRIMARY KEY("workflow_id","position")
);
--> statement-breakpoint
CREATE TABLE "web_workflow_action" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"handled_by" text NOT NULL,
	"params" jsonb NOT NULL,
	"action_variables" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "web_workflow" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"media" text DEFAULT 'voice' NOT NULL,
	"trigger_set" jsonb NOT NULL,
	"condition_set" jsonb
);
--> statement-breakpoint
CREATE TABLE "web_wrap_up_reason" (
	"id" serial PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"for_all" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "web_contact" ADD CONSTRAINT "web_contact_phone_book_id_web_phone_book_id_fk" FOREIGN KEY ("phone_book_id") REFERENCES "public"."web_phone_book"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_workflow_action_ref" ADD CONSTRAINT "web_workflow_action_ref_workflow_id_web_workflow_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."web_workflow"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_workflow_action_ref" ADD CONSTRAINT "web_workflow_action_ref_action_id_web_workflow_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."web_workflow_action"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "web_media_properties_layout_name" ON "web_media_properties_layout" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "web_media_properties_layout_default" ON "web_media_properties_layout" USING btree ("type") WHERE "web_media_properties_layout"."type" = 'DEFAULT';--> statement-breakpoint
CREATE UNIQUE INDEX "web_phone_book_name" ON "web_phone_book" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "web_reason_code_code" ON "web_reason_code" USING btree ("category","code");--> statement-breakpoint
CREATE UNIQUE INDEX "web_reason_code_label" ON "web_reason_code" USING btree ("category",lower("label"));--> statement-breakpoint
CREATE UNIQUE INDEX "web_workflow_action_name" ON "web_workflow_action" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "web_workflow_name" ON "web_workflow" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "web_wrap_up_reason_label" ON "web_wrap_up_reason" USING btree (lower("label"));