import type { audit as en } from '../en/audit';

/**
 * The admins' audit trail (/staff/audit), in staff wording, in Russian. Names are not
 * declined, so they stand in «» or after a colon; other people's acts are worded impersonally
 * («открыта карточка») so that no grammatical gender has to be guessed.
 */
export const audit: Record<keyof typeof en, string> = {
  'audit.col.event': 'Что произошло',
  'audit.actor.gone': 'Бывший сотрудник',
  'audit.subject.gone': 'удаленная учетная запись',
  'audit.assignee.gone': 'бывший сотрудник',
  'audit.unknown': '{actor}: действие, для которого здесь еще нет описания',
  'audit.unknown.you': 'Вы выполнили действие, для которого здесь еще нет описания',

  'audit.staff.viewed-profile': '{actor}: открыта карточка «{subject}»',
  'audit.staff.viewed-profile.you': 'Вы открыли карточку «{subject}»',
  'audit.staff.listed-you': '{actor}: «{subject}» в результатах поиска',
  'audit.staff.listed-you.you': 'Вы видели «{subject}» в результатах поиска',
  'audit.staff.searched': '{actor}: поиск людей',
  'audit.staff.searched.you': 'Вы искали людей',
  'audit.staff.booking-created': '{actor}: запись «{subject}» на занятие',
  'audit.staff.booking-created.you': 'Вы записали «{subject}» на занятие',
  'audit.staff.booking-updated': '{actor}: изменено занятие для «{subject}»',
  'audit.staff.booking-updated.you': 'Вы изменили занятие для «{subject}»',
  'audit.staff.booking-cancelled': '{actor}: отменено занятие для «{subject}»',
  'audit.staff.booking-cancelled.you': 'Вы отменили занятие для «{subject}»',
  'audit.staff.payment-recorded': '{actor}: внесена оплата от «{subject}»',
  'audit.staff.payment-recorded.you': 'Вы внесли оплату от «{subject}»',
  'audit.admin.role-changed': '{actor}: изменена роль доступа для «{subject}»',
  'audit.admin.role-changed.you': 'Вы изменили роль доступа для «{subject}»',
  'audit.admin.assigned-staff': '{actor}: назначение «{staff}» для работы с «{subject}»',
  'audit.admin.assigned-staff.you': 'Вы назначили «{staff}» работать с «{subject}»',
  'audit.admin.unassigned-staff': '{actor}: «{staff}» больше не работает с «{subject}»',
  'audit.admin.unassigned-staff.you': 'Вы сняли «{staff}» с работы с «{subject}»',
  'audit.admin.viewed-audit': '{actor}: просмотрен журнал доступа',
  'audit.admin.viewed-audit.you': 'Вы просмотрели журнал доступа',
  'audit.admin.viewed-restrictions': '{actor}: просмотрены запросы на ограничение обработки',
  'audit.admin.viewed-restrictions.you': 'Вы просмотрели запросы на ограничение обработки',
  'audit.admin.restriction-upheld': '{actor}: ограничение обработки для «{subject}» сохранено',
  'audit.admin.restriction-upheld.you': 'Вы сохранили ограничение обработки для «{subject}»',
  'audit.admin.restriction-lifted': '{actor}: снято ограничение обработки для «{subject}»',
  'audit.admin.restriction-lifted.you': 'Вы сняли ограничение обработки для «{subject}»',
};
