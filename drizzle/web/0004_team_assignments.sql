CREATE TABLE "web_team_phone_book" (
	"team_id" integer NOT NULL,
	"phone_book_id" integer NOT NULL,
	CONSTRAINT "web_team_phone_book_team_id_phone_book_id_pk" PRIMARY KEY("team_id","phone_book_id")
);
--> statement-breakpoint
CREATE TABLE "web_team_reason_code" (
	"team_id" integer NOT NULL,
	"reason_code_id" integer NOT NULL,
	CONSTRAINT "web_team_reason_code_team_id_reason_code_id_pk" PRIMARY KEY("team_id","reason_code_id")
);
--> statement-breakpoint
CREATE TABLE "web_team_workflow" (
	"team_id" integer NOT NULL,
	"workflow_id" integer NOT NULL,
	CONSTRAINT "web_team_workflow_team_id_workflow_id_pk" PRIMARY KEY("team_id","workflow_id")
);
--> statement-breakpoint
CREATE TABLE "web_team_wrap_up_reason" (
	"team_id" integer NOT NULL,
	"wrap_up_reason_id" integer NOT NULL,
	CONSTRAINT "web_team_wrap_up_reason_team_id_wrap_up_reason_id_pk" PRIMARY KEY("team_id","wrap_up_reason_id")
);
--> statement-breakpoint
ALTER TABLE "web_team_phone_book" ADD CONSTRAINT "web_team_phone_book_phone_book_id_web_phone_book_id_fk" FOREIGN KEY ("phone_book_id") REFERENCES "public"."web_phone_book"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_team_reason_code" ADD CONSTRAINT "web_team_reason_code_reason_code_id_web_reason_code_id_fk" FOREIGN KEY ("reason_code_id") REFERENCES "public"."web_reason_code"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_team_workflow" ADD CONSTRAINT "web_team_workflow_workflow_id_web_workflow_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."web_workflow"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_team_wrap_up_reason" ADD CONSTRAINT "web_team_wrap_up_reason_wrap_up_reason_id_web_wrap_up_reason_id_fk" FOREIGN KEY ("wrap_up_reason_id") REFERENCES "public"."web_wrap_up_reason"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "web_team_phone_book_item" ON "web_team_phone_book" USING btree ("phone_book_id");--> statement-breakpoint
CREATE INDEX "web_team_reason_code_item" ON "web_team_reason_code" USING btree ("reason_code_id");--> statement-breakpoint
CREATE INDEX "web_team_workflow_item" ON "web_team_workflow" USING btree ("workflow_id");--> statement-breakpoint
CREATE INDEX "web_team_wrap_up_reason_item" ON "web_team_wrap_up_reason" USING btree ("wrap_up_reason_id");