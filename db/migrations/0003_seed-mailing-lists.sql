-- The mailing lists every school starts with. "service" is mandatory: account security,
-- bookings, payments and policy changes; it is shown but cannot be left.
INSERT INTO "mailing_lists" ("slug", "names", "descriptions", "mandatory", "sort_order") VALUES
  ('service',
   '{"en":"Service messages","uk":"Службові повідомлення"}',
   '{"en":"Account security, booking and payment confirmations, and policy changes. These are part of the service and cannot be turned off.","uk":"Безпека облікового запису, підтвердження занять і оплат, зміни політики. Це частина сервісу, їх не можна вимкнути."}',
   true, 0),
  ('lessons',
   '{"en":"Organisational messages about lessons","uk":"Організаційні повідомлення про заняття"}',
   '{"en":"Schedule changes, holidays and practical details about lessons.","uk":"Зміни розкладу, канікули й практичні деталі занять."}',
   false, 1),
  ('news',
   '{"en":"Announcements and news","uk":"Оголошення й новини"}',
   '{"en":"Occasional news about courses, events and offers.","uk":"Час від часу новини про курси, події та пропозиції."}',
   false, 2)
ON CONFLICT DO NOTHING;
