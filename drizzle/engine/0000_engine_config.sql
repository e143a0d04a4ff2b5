CREATE TABLE "engine_application" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"max_sessions" integer DEFAULT 10 NOT NULL,
	"script" text DEFAULT 'icd' NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "engine_application_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "engine_call_control_group" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"cti_ports" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "engine_call_control_group_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "engine_csq_skill" (
	"csq_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	"minimum_competence" integer DEFAULT 1 NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"skill_order" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "engine_csq_skill_csq_id_skill_id_pk" PRIMARY KEY("csq_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "engine_csq" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"queue_type" text DEFAULT 'VOICE' NOT NULL,
	"auto_work" boolean DEFAULT false NOT NULL,
	"wrapup_time" integer DEFAULT 0 NOT NULL,
	"pool_type" text NOT NULL,
	"resource_group_id" integer,
	"selection_criteria" text DEFAULT 'Longest Available' NOT NULL,
	"service_level" integer DEFAULT 5 NOT NULL,
	"service_level_percentage" integer DEFAULT 70 NOT NULL,
	"rona_timeout_sec" integer DEFAULT 0 NOT NULL,
	"rona_requeue" text DEFAULT 'HEAD' NOT NULL,
	CONSTRAINT "engine_csq_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "engine_resource_group" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "engine_resource_group_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "engine_resource_skill" (
	"user_id" text NOT NULL,
	"skill_id" integer NOT NULL,
	"competence" integer NOT NULL,
	CONSTRAINT "engine_resource_skill_user_id_skill_id_pk" PRIMARY KEY("user_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "engine_resource" (
	"user_id" text PRIMARY KEY NOT NULL,
	"resource_group_id" integer,
	"group_order" integer,
	"team_id" integer,
	"automatic_available" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engine_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engine_skill" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "engine_skill_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "engine_team_csq" (
	"team_id" integer NOT NULL,
	"csq_id" integer NOT NULL,
	CONSTRAINT "engine_team_csq_team_id_csq_id_pk" PRIMARY KEY("team_id","csq_id")
);
--> statement-breakpoint
CREATE TABLE "engine_team" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"primary_supervisor" text,
	"secondary_supervisors" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "engine_team_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "engine_trigger" (
	"directory_number" text NOT NULL,
	"route_partition_name" text DEFAULT '' NOT NULL,
	"device_name" text NOT NULL,
	"application_id" integer NOT NULL,
	"call_control_group_id" integer,
	"enabled" boolean DEFAULT true NOT NULL,
	"max_sessions" integer DEFAULT 10 NOT NULL,
	"idle_timeout_ms" integer DEFAULT 5000 NOT NULL,
	CONSTRAINT "engine_trigger_directory_number_route_partition_name_pk" PRIMARY KEY("directory_number","route_partition_name")
);
--> statement-breakpoint
ALTER TABLE "engine_csq_skill" ADD CONSTRAINT "engine_csq_skill_csq_id_engine_csq_id_fk" FOREIGN KEY ("csq_id") REFERENCES "public"."engine_csq"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_csq_skill" ADD CONSTRAINT "engine_csq_skill_skill_id_engine_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."engine_skill"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_csq" ADD CONSTRAINT "engine_csq_resource_group_id_engine_resource_group_id_fk" FOREIGN KEY ("resource_group_id") REFERENCES "public"."engine_resource_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_resource_skill" ADD CONSTRAINT "engine_resource_skill_user_id_engine_resource_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."engine_resource"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_resource_skill" ADD CONSTRAINT "engine_resource_skill_skill_id_engine_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."engine_skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_resource" ADD CONSTRAINT "engine_resource_resource_group_id_engine_resource_group_id_fk" FOREIGN KEY ("resource_group_id") REFERENCES "public"."engine_resource_group"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_resource" ADD CONSTRAINT "engine_resource_team_id_engine_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."engine_team"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_team_csq" ADD CONSTRAINT "engine_team_csq_team_id_engine_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."engine_team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_team_csq" ADD CONSTRAINT "engine_team_csq_csq_id_engine_csq_id_fk" FOREIGN KEY ("csq_id") REFERENCES "public"."engine_csq"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_trigger" ADD CONSTRAINT "engine_trigger_application_id_engine_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."engine_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_trigger" ADD CONSTRAINT "engine_trigger_call_control_group_id_engine_call_control_group_id_fk" FOREIGN KEY ("call_control_group_id") REFERENCES "public"."engine_call_control_group"("id") ON DELETE no action ON UPDATE no action;