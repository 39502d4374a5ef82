import type { audit as en } from '../en/audit';

/**
 * Журнал доступу для адміністраторів. Імена не відмінюються, тож стоять у лапках або після
 * двокрапки; дії інших людей описано безособово («відкрито картку»), щоб не вгадувати рід.
 */
export const audit: Record<keyof typeof en, string> = {
  'audit.col.event': 'Що сталося',
  'audit.actor.gone': 'Колишній працівник',
  'audit.subject.gone': 'видалений обліковий запис',
  'audit.assignee.gone': 'колишній працівник',
  'audit.unknown': '{actor}: дія, для якої тут ще немає опису',
  'audit.unknown.you': 'Ви виконали дію, для якої тут ще немає опису',

  'audit.staff.viewed-profile': '{actor}: відкрито картку «{subject}»',
  'audit.staff.viewed-profile.you': 'Ви відкрили картку «{subject}»',
  'audit.staff.listed-you': '{actor}: «{subject}» у результатах пошуку',
  'audit.staff.listed-you.you': 'Ви бачили «{subject}» у результатах пошуку',
  'audit.staff.searched': '{actor}: пошук людей',
  'audit.staff.searched.you': 'Ви шукали людей',
  'audit.staff.booking-created': '{actor}: «{subject}» записано на заняття',
  'audit.staff.booking-created.you': 'Ви записали «{subject}» на заняття',
  'audit.staff.booking-updated': '{actor}: змінено заняття для «{subject}»',
  'audit.staff.booking-updated.you': 'Ви змінили заняття для «{subject}»',
  'audit.staff.booking-cancelled': '{actor}: скасовано заняття для «{subject}»',
  'audit.staff.booking-cancelled.you': 'Ви скасували заняття для «{subject}»',
  'audit.staff.payment-recorded': '{actor}: записано оплату від «{subject}»',
  'audit.staff.payment-recorded.you': 'Ви записали оплату від «{subject}»',
  'audit.admin.role-changed': '{actor}: змінено роль доступу для «{subject}»',
  'audit.admin.role-changed.you': 'Ви змінили роль доступу для «{subject}»',
  'audit.admin.assigned-staff': '{actor}: «{staff}» призначено працювати з «{subject}»',
  'audit.admin.assigned-staff.you': 'Ви призначили «{staff}» працювати з «{subject}»',
  'audit.admin.unassigned-staff': '{actor}: «{staff}» більше не працює з «{subject}»',
  'audit.admin.unassigned-staff.you': 'Ви зняли «{staff}» з роботи з «{subject}»',
  'audit.admin.viewed-audit': '{actor}: переглянуто журнал доступу',
  'audit.admin.viewed-audit.you': 'Ви переглянули журнал доступу',
  'audit.admin.viewed-restrictions': '{actor}: переглянуто запити на обмеження обробки',
  'audit.admin.viewed-restrictions.you': 'Ви переглянули запити на обмеження обробки',
  'audit.admin.restriction-upheld': '{actor}: обмеження обробки для «{subject}» залишено',
  'audit.admin.restriction-upheld.you': 'Ви залишили обмеження обробки для «{subject}»',
  'audit.admin.restriction-lifted': '{actor}: знято обмеження обробки для «{subject}»',
  'audit.admin.restriction-lifted.you': 'Ви зняли обмеження обробки для «{subject}»',
};
