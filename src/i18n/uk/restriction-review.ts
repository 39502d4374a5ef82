import type { restrictionReview as en } from '../en/restriction-review';

/** Ukrainian: decisions on a restriction of processing (the admins' queue, the person's side, the mail). */
export const restrictionReview: Record<keyof typeof en, string> = {
  'staff.nav.restrictions': 'Запити на обмеження',
  'staff.restrictions.title': 'Запити на обмеження обробки',
  'staff.restrictions.lead':
    'Люди, які обмежили обробку своїх даних і чекають на рішення; спершу найдавніші. Поки обмеження не знято, працівники не можуть змінювати їхні дані. Кожна людина в списку побачить у своєму кабінеті, що адміністратор бачив її тут.',
  'staff.restrictions.empty': 'Ніхто не чекає на рішення.',
  'staff.restrictions.col.person': 'Людина',
  'staff.restrictions.col.since': 'Обмежено з',
  'staff.restrictions.col.reason': 'Її пояснення',
  'staff.restrictions.col.decision': 'Рішення',
  'staff.restrictions.decision': 'Рішення',
  'staff.restrictions.upheld': 'Залишити обмеження',
  'staff.restrictions.lifted': 'Зняти обмеження',
  'staff.restrictions.reason': 'Причина рішення',
  'staff.restrictions.reason.hint':
    'Людина отримає її листом і побачить на своїй сторінці приватності. Не більше 1000 символів.',
  'staff.restrictions.submit': 'Записати рішення',
  'staff.restrictions.notice.upheld':
    'Рішення записано: обмеження залишається. Людині повідомлено.',
  'staff.restrictions.notice.lifted': 'Рішення записано: обмеження знято. Людині повідомлено.',
  'staff.restrictions.notRestricted':
    'Обробку даних цієї людини вже не обмежено, тож вирішувати нічого.',
  'review.reason.required': 'Напишіть причину свого рішення.',
  'staff.restricted.locked':
    'Поки обробку обмежено, змінювати дані цієї людини не можна: жодних нових занять, перенесень чи оплат. Скасувати заняття можна. Про обмеження вирішує адміністратор у розділі «Запити на обмеження».',

  'activity.admin.restriction-upheld':
    'Адміністратор ухвалив рішення щодо обмеження обробки ваших даних: обмеження залишається',
  'activity.admin.restriction-lifted':
    'Адміністратор ухвалив рішення щодо обмеження обробки ваших даних: обмеження знято',
  'activity.admin.viewed-restrictions': 'Адміністратор переглянув запити на обмеження',

  'restriction.decision.upheld': 'Школа залишила обмеження {date}.',
  'restriction.decision.lifted': 'Школа зняла обмеження {date}.',
  'restriction.decision.reason': 'Пояснення школи:',
  'subscriptions.restricted.lift': 'Зняти обмеження на сторінці приватності',

  'privacy.cat.restriction.title': 'Рішення щодо обмеження обробки',
  'privacy.cat.restriction.purpose':
    'Що вирішила школа, коли ви обмежили обробку (залишити чи зняти), і пояснення, яке вона вам дала.',
  'privacy.cat.restriction.retention': 'Поки існує ваш обліковий запис.',

  'mail.restrictionDecision.upheld.subject': 'Обмеження обробки ваших даних залишається',
  'mail.restrictionDecision.upheld.body':
    'Ми в {school} розглянули обмеження обробки ваших даних і вирішили його залишити.',
  'mail.restrictionDecision.upheld.next':
    'Працівники й далі не можуть змінювати ваші дані, а необов’язкових листів ми не надсилаємо. Зняти обмеження ви можете будь-коли самі на сторінці приватності.',
  'mail.restrictionDecision.lifted.subject': 'Обмеження обробки ваших даних знято',
  'mail.restrictionDecision.lifted.body':
    'Ми в {school} розглянули обмеження обробки ваших даних і зняли його.',
  'mail.restrictionDecision.lifted.next':
    'Ваші дані знову обробляються як звичайно. Якщо ви не згодні, можете знову обмежити обробку на сторінці приватності або поскаржитися до органу із захисту даних.',
  'mail.restrictionDecision.reason': 'Причина: {reason}',
  'mail.restrictionDecision.button': 'Відкрити сторінку приватності',
};
