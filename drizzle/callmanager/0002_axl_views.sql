-- The read-only views executeSQLQuery may name (axl.md §5.7). Named like CUCM's tables with an `axl_`
-- prefix; the SQL renderer maps `device` to `axl_device`. Keys are lower case without braces, as CUCM's
-- database keys are ([A1] "Handling AXL Unique IDs").
CREATE VIEW "axl_enduser" AS
SELECT u."uuid"::text AS "pkid", u."userid", u."first_name" AS "firstname", u."last_name" AS "lastname",
       u."telephone_number" AS "telephonenumber", u."mailid"
FROM "cm_end_user" u;
--> statement-breakpoint
CREATE VIEW "axl_applicationuser" AS
SELECT a."uuid"::text AS "pkid", a."userid" AS "name"
FROM "cm_app_user" a;
--> statement-breakpoint
-- tkclass: 1 phone (CTI ports included), 10 CTI route point. tkmodel: the CUCM typemodel codes we know
-- for the products Poise provisions (unconfirmed); any other product is NULL.
CREATE VIEW "axl_device" AS
SELECT d."uuid"::text AS "pkid", d."name", d."description",
       CASE d."kind" WHEN 'CTI_ROUTE_POINT' THEN 10 ELSE 1 END AS "tkclass",
       CASE d."product"
         WHEN 'CTI Port' THEN 72
         WHEN 'CTI Route Point' THEN 73
         WHEN 'Cisco Unified Client Services Framework' THEN 503
         WHEN 'Cisco 7945' THEN 435
         WHEN 'Cisco 7965' THEN 436
         ELSE NULL
       END AS "tkmodel",
       u."uuid"::text AS "fkenduser"
FROM "cm_device" d
LEFT JOIN "cm_end_user" u ON lower(u."userid") = lower(d."owner_user_name");
--> statement-breakpoint
CREATE VIEW "axl_numplan" AS
SELECT l."uuid"::text AS "pkid", l."pattern" AS "dnorpattern", l."description",
       p."uuid"::text AS "fkroutepartition"
FROM "cm_line" l
LEFT JOIN "cm_route_partition" p ON p."name" = l."route_partition_name";
--> statement-breakpoint
CREATE VIEW "axl_routepartition" AS
SELECT p."uuid"::text AS "pkid", p."name"
FROM "cm_route_partition" p;
--> statement-breakpoint
CREATE VIEW "axl_devicenumplanmap" AS
SELECT m."uuid"::text AS "pkid", m."device_uuid"::text AS "fkdevice", m."line_uuid"::text AS "fknumplan",
       m."line_index" AS "numplanindex"
FROM "cm_device_line" m;
--> statement-breakpoint
CREATE VIEW "axl_enduserdevicemap" AS
SELECT m."uuid"::text AS "pkid", m."user_uuid"::text AS "fkenduser", m."device_uuid"::text AS "fkdevice"
FROM "cm_end_user_device" m;
