CREATE TABLE "engine_live_checkpoint" (
	"id" text PRIMARY KEY NOT NULL,
	"call_manager_run_id" text NOT NULL,
	"written_at" bigint NOT NULL,
	"state" text NOT NULL
);
