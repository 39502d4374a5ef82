-- Russian and Czech names and descriptions for the three lists every school starts with.
-- `||` merges into the existing jsonb, so a school's own wording in other languages stays.
UPDATE "mailing_lists" SET
  "names" = "names" || '{"ru":"Служебные сообщения","cs":"Servisní zprávy"}'::jsonb,
  "descriptions" = "descriptions" || '{"ru":"Безопасность учётной записи, подтверждения занятий и оплат, изменения политики. Они входят в сервис, и отключить их нельзя.","cs":"Zabezpečení účtu, potvrzení lekcí a plateb a změny zásad. Patří ke službě a nelze je vypnout."}'::jsonb
WHERE "slug" = 'service';
--> statement-breakpoint
UPDATE "mailing_lists" SET
  "names" = "names" || '{"ru":"Организационные сообщения о занятиях","cs":"Organizační zprávy k lekcím"}'::jsonb,
  "descriptions" = "descriptions" || '{"ru":"Изменения в расписании, каникулы и практические мелочи о занятиях.","cs":"Změny rozvrhu, prázdniny a praktické informace k lekcím."}'::jsonb
WHERE "slug" = 'lessons';
--> statement-breakpoint
UPDATE "mailing_lists" SET
  "names" = "names" || '{"ru":"Объявления и новости","cs":"Oznámení a novinky"}'::jsonb,
  "descriptions" = "descriptions" || '{"ru":"Время от времени — новости о курсах, событиях и предложениях.","cs":"Občasné novinky o kurzech, akcích a nabídkách."}'::jsonb
WHERE "slug" = 'news';
