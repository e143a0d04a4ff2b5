CREATE TABLE "web_team_message" (
	"id" text PRIMARY KEY NOT NULL,
	"content" text NOT NULL,
	"created_by" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"duration" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"teams" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "web_team_message_expires" ON "web_team_message" USING btree ("expires_at");