CREATE TABLE "web_team_layout_config" (
	"team_id" integer PRIMARY KEY NOT NULL,
	"use_default" boolean NOT NULL,
	"layout_xml" text
);
