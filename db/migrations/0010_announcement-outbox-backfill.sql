-- Copies of announcements queued before email_outbox.announcement_id existed: their row id is
-- md5(announcement id || ':' || user id), so the announcement can be found again from it.
UPDATE "email_outbox" AS o
SET "announcement_id" = a."id"
FROM "announcements" AS a
WHERE o."template" = 'announcement'
  AND o."announcement_id" IS NULL
  AND o."user_id" IS NOT NULL
  AND o."id" = md5(a."id"::text || ':' || o."user_id"::text)::uuid;
