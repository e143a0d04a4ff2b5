CREATE TABLE "web_proxy_allow_host" (
	"host" text PRIMARY KEY NOT NULL
);
