/**
 * The admins' audit trail (/staff/audit), in staff wording: what a staff member did, to whom.
 * One pair per action code: `audit.<action>` names the actor, `audit.<action>.you` is for the
 * reader's own acts. {actor} is "Name (email)", {subject} the person it was about (a link),
 * {staff} the staff member an assignment was about.
 */
export const audit = {
  'audit.col.event': 'What happened',
  'audit.actor.gone': 'A former staff member',
  'audit.subject.gone': 'a deleted account',
  'audit.assignee.gone': 'a former staff member',
  'audit.unknown': '{actor} did something this page has no words for yet',
  'audit.unknown.you': 'You did something this page has no words for yet',

  'audit.staff.viewed-profile': '{actor} opened {subject}’s card',
  'audit.staff.viewed-profile.you': 'You opened {subject}’s card',
  'audit.staff.listed-you': '{actor} saw {subject} in search results',
  'audit.staff.listed-you.you': 'You saw {subject} in search results',
  'audit.staff.searched': '{actor} searched for people',
  'audit.staff.searched.you': 'You searched for people',
  'audit.staff.booking-created': '{actor} booked a lesson for {subject}',
  'audit.staff.booking-created.you': 'You booked a lesson for {subject}',
  'audit.staff.booking-updated': '{actor} changed {subject}’s booking',
  'audit.staff.booking-updated.you': 'You changed {subject}’s booking',
  'audit.staff.booking-cancelled': '{actor} cancelled {subject}’s booking',
  'audit.staff.booking-cancelled.you': 'You cancelled {subject}’s booking',
  'audit.staff.payment-recorded': '{actor} recorded a payment for {subject}',
  'audit.staff.payment-recorded.you': 'You recorded a payment for {subject}',
  'audit.admin.role-changed': '{actor} changed {subject}’s access role',
  'audit.admin.role-changed.you': 'You changed {subject}’s access role',
  'audit.admin.assigned-staff': '{actor} assigned {staff} to work with {subject}',
  'audit.admin.assigned-staff.you': 'You assigned {staff} to work with {subject}',
  'audit.admin.unassigned-staff': '{actor} ended {staff}’s assignment to {subject}',
  'audit.admin.unassigned-staff.you': 'You ended {staff}’s assignment to {subject}',
  'audit.admin.viewed-audit': '{actor} read the audit trail',
  'audit.admin.viewed-audit.you': 'You read the audit trail',
  'audit.admin.viewed-restrictions': '{actor} looked at the restriction requests',
  'audit.admin.viewed-restrictions.you': 'You looked at the restriction requests',
  'audit.admin.restriction-upheld': '{actor} kept the restriction {subject} asked for',
  'audit.admin.restriction-upheld.you': 'You kept the restriction {subject} asked for',
  'audit.admin.restriction-lifted': '{actor} lifted the restriction on {subject}’s data',
  'audit.admin.restriction-lifted.you': 'You lifted the restriction on {subject}’s data',
};
