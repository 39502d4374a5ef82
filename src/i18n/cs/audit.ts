import type { audit as en } from '../en/audit';

/**
 * The admins' audit trail (/staff/audit), in staff wording: what a staff member did, to whom.
 * One pair per action code: `audit.<action>` names the actor, `audit.<action>.you` is for the
 * reader's own acts. {actor} is "Name (email)", {subject} the person it was about (a link),
 * {staff} the staff member an assignment was about.
 *
 * Czech past tense shows the actor's gender, which we do not know, so the lines with {actor}
 * read as log entries ("{actor}: otevření karty…"), and names stay in the nominative after a
 * noun ("osoby {subject}").
 */
export const audit: Record<keyof typeof en, string> = {
  'audit.col.event': 'Co se stalo',
  'audit.actor.gone': 'Bývalý zaměstnanec',
  'audit.subject.gone': '(smazaný účet)',
  'audit.assignee.gone': '(bývalý zaměstnanec)',
  'audit.unknown': '{actor}: akce, pro kterou tato stránka zatím nemá popis',
  'audit.unknown.you': 'Provedli jste akci, pro kterou tato stránka zatím nemá popis',

  'audit.staff.viewed-profile': '{actor}: otevření karty osoby {subject}',
  'audit.staff.viewed-profile.you': 'Otevřeli jste kartu osoby {subject}',
  'audit.staff.listed-you': '{actor}: osoba {subject} zobrazena ve výsledcích hledání',
  'audit.staff.listed-you.you': 'Ve výsledcích hledání se vám zobrazila osoba {subject}',
  'audit.staff.searched': '{actor}: hledání osob',
  'audit.staff.searched.you': 'Hledali jste osoby',
  'audit.staff.booking-created': '{actor}: rezervace lekce pro osobu {subject}',
  'audit.staff.booking-created.you': 'Rezervovali jste lekci pro osobu {subject}',
  'audit.staff.booking-updated': '{actor}: změna rezervace osoby {subject}',
  'audit.staff.booking-updated.you': 'Změnili jste rezervaci osoby {subject}',
  'audit.staff.booking-cancelled': '{actor}: zrušení rezervace osoby {subject}',
  'audit.staff.booking-cancelled.you': 'Zrušili jste rezervaci osoby {subject}',
  'audit.staff.payment-recorded': '{actor}: zaznamenání platby osoby {subject}',
  'audit.staff.payment-recorded.you': 'Zaznamenali jste platbu osoby {subject}',
  'audit.admin.role-changed': '{actor}: změna přístupové role osoby {subject}',
  'audit.admin.role-changed.you': 'Změnili jste přístupovou roli osoby {subject}',
  'audit.admin.assigned-staff': '{actor}: přidělení – {staff} bude pracovat s osobou {subject}',
  'audit.admin.assigned-staff.you': 'Přidělili jste: {staff} bude pracovat s osobou {subject}',
  'audit.admin.unassigned-staff':
    '{actor}: ukončení přidělení – {staff} už nepracuje s osobou {subject}',
  'audit.admin.unassigned-staff.you':
    'Ukončili jste přidělení: {staff} už nepracuje s osobou {subject}',
  'audit.admin.viewed-audit': '{actor}: čtení auditní stopy',
  'audit.admin.viewed-audit.you': 'Četli jste auditní stopu',
  'audit.admin.viewed-restrictions': '{actor}: prohlížení žádostí o omezení',
  'audit.admin.viewed-restrictions.you': 'Prohlíželi jste žádosti o omezení',
  'audit.admin.restriction-upheld': '{actor}: ponechání omezení, o které požádala osoba {subject}',
  'audit.admin.restriction-upheld.you': 'Ponechali jste omezení, o které požádala osoba {subject}',
  'audit.admin.restriction-lifted': '{actor}: zrušení omezení zpracování údajů osoby {subject}',
  'audit.admin.restriction-lifted.you': 'Zrušili jste omezení zpracování údajů osoby {subject}',
};
