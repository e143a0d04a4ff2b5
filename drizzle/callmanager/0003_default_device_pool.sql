-- The one device pool Poise seeds (axl.md §5.3); UCCX triggers name it too ([A9]).
INSERT INTO "cm_device_pool" ("name") VALUES ('Default') ON CONFLICT ("name") DO NOTHING;
