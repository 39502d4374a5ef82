import type { restrictionReview as en } from '../en/restriction-review';

/** Russian: decisions on a restriction of processing (the admins' queue, the person's side, the mail). */
export const restrictionReview: Record<keyof typeof en, string> = {
  'staff.nav.restrictions': 'Запросы на ограничение',
  'staff.restrictions.title': 'Запросы на ограничение обработки',
  'staff.restrictions.lead':
    'Люди, которые ограничили обработку своих данных и ждут решения; сначала самые давние. Пока ограничение не снято, сотрудники не могут изменять их данные. Каждый человек в списке увидит в своем кабинете, что администратор видел его здесь.',
  'staff.restrictions.empty': 'Никто не ждет решения.',
  'staff.restrictions.col.person': 'Человек',
  'staff.restrictions.col.since': 'Ограничено с',
  'staff.restrictions.col.reason': 'Его объяснение',
  'staff.restrictions.col.decision': 'Решение',
  'staff.restrictions.decision': 'Решение',
  'staff.restrictions.upheld': 'Сохранить ограничение',
  'staff.restrictions.lifted': 'Снять ограничение',
  'staff.restrictions.reason': 'Причина решения',
  'staff.restrictions.reason.hint':
    'Человек получит ее письмом и увидит на своей странице конфиденциальности. Не более 1000 символов.',
  'staff.restrictions.submit': 'Записать решение',
  'staff.restrictions.notice.upheld':
    'Решение записано: ограничение сохраняется. Человек уведомлен.',
  'staff.restrictions.notice.lifted': 'Решение записано: ограничение снято. Человек уведомлен.',
  'staff.restrictions.notRestricted':
    'Обработка данных этого человека больше не ограничена, так что решать нечего.',
  'review.reason.required': 'Напишите причину своего решения.',
  'staff.restricted.locked':
    'Пока обработка ограничена, изменять данные этого человека нельзя: никаких новых занятий, переносов или оплат. Отменить занятие можно. Решение об ограничении принимает администратор в разделе «Запросы на ограничение».',

  'activity.admin.restriction-upheld':
    'Администратор принял решение об ограничении обработки ваших данных: ограничение сохраняется',
  'activity.admin.restriction-lifted':
    'Администратор принял решение об ограничении обработки ваших данных: ограничение снято',
  'activity.admin.viewed-restrictions': 'Администратор просмотрел запросы на ограничение',

  'restriction.decision.upheld': 'Школа сохранила ограничение {date}.',
  'restriction.decision.lifted': 'Школа сняла ограничение {date}.',
  'restriction.decision.reason': 'Объяснение школы:',
  'subscriptions.restricted.lift': 'Снять ограничение на странице конфиденциальности',

  'privacy.cat.restriction.title': 'Решения об ограничении обработки',
  'privacy.cat.restriction.purpose':
    'Что решила школа, когда вы ограничили обработку (сохранить или снять), и объяснение, которое она вам дала.',
  'privacy.cat.restriction.retention': 'Пока существует ваша учетная запись.',

  'mail.restrictionDecision.upheld.subject': 'Ограничение обработки ваших данных сохраняется',
  'mail.restrictionDecision.upheld.body':
    'Мы в {school} рассмотрели ограничение обработки ваших данных и решили его сохранить.',
  'mail.restrictionDecision.upheld.next':
    'Сотрудники по-прежнему не могут изменять ваши данные, а необязательных писем мы не отправляем. Снять ограничение вы можете сами в любое время на странице конфиденциальности.',
  'mail.restrictionDecision.lifted.subject': 'Ограничение обработки ваших данных снято',
  'mail.restrictionDecision.lifted.body':
    'Мы в {school} рассмотрели ограничение обработки ваших данных и сняли его.',
  'mail.restrictionDecision.lifted.next':
    'Ваши данные снова обрабатываются как обычно. Если вы не согласны, можно снова ограничить обработку на странице конфиденциальности или пожаловаться в орган по защите данных.',
  'mail.restrictionDecision.reason': 'Причина: {reason}',
  'mail.restrictionDecision.button': 'Открыть страницу конфиденциальности',
};
