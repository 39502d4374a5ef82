-- The first privacy policy version, in force from the day the service is installed.
INSERT INTO "policy_versions" ("kind", "version", "summary", "body", "published_at", "effective_at")
VALUES (
  'privacy',
  '1.0',
  'First version: what we collect, why, how long we keep it, and your rights.',
  'We collect only what we need to run your lessons: your name, email address, and, if you give them, your phone number, your video-call account and your goals. For security we record the IP address, browser type and time of each sign-in.

We use your email to create your account, to confirm lesson bookings and payments, to clarify lesson details and, only if you subscribe, for occasional announcements. Every announcement can be stopped with one click.

Passwords are stored only as argon2id hashes. Payments are recorded as amount, description and date; we never see card details.

You can see, correct, download and delete all your data yourself in your account, and restrict its processing while you dispute its accuracy. We keep your data while you use the service and for one year after your last visit, then delete it. IP addresses in security records are removed after 90 days.

Only the staff who work with you can see your data, and every time they look, you see it in your account. We use one technical cookie to keep you signed in and one to remember your language; no tracking, no advertising.

We announce changes to this policy by email in advance; earlier versions stay available on this page.',
  now(),
  now()
)
ON CONFLICT DO NOTHING;
