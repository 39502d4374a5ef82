import type { restrictionReview as en } from '../en/restriction-review';

/** Czech: decisions on a restriction of processing (the admins' queue, the person's side, the mail). */
export const restrictionReview: Record<keyof typeof en, string> = {
  'staff.nav.restrictions': 'Žádosti o omezení',
  'staff.restrictions.title': 'Žádosti o omezení zpracování',
  'staff.restrictions.lead':
    'Lidé, kteří omezili zpracování svých údajů a čekají na rozhodnutí, od nejstarších. Dokud omezení není zrušeno, personál nemůže jejich údaje měnit. Každý zde uvedený člověk uvidí ve své aktivitě, že ho tu viděl administrátor.',
  'staff.restrictions.empty': 'Nikdo nečeká na rozhodnutí.',
  'staff.restrictions.col.person': 'Osoba',
  'staff.restrictions.col.since': 'Omezeno od',
  'staff.restrictions.col.reason': 'Zdůvodnění osoby',
  'staff.restrictions.col.decision': 'Rozhodnutí',
  'staff.restrictions.decision': 'Rozhodnutí',
  'staff.restrictions.upheld': 'Ponechat omezení',
  'staff.restrictions.lifted': 'Zrušit omezení',
  'staff.restrictions.reason': 'Odůvodnění rozhodnutí',
  'staff.restrictions.reason.hint':
    'Osoba ho dostane e-mailem a uvidí ho na své stránce o soukromí. Nejvýše 1000 znaků.',
  'staff.restrictions.submit': 'Zaznamenat rozhodnutí',
  'staff.restrictions.notice.upheld':
    'Rozhodnutí zaznamenáno: omezení zůstává. Osoba byla informována.',
  'staff.restrictions.notice.lifted':
    'Rozhodnutí zaznamenáno: omezení je zrušeno. Osoba byla informována.',
  'staff.restrictions.notRestricted':
    'Zpracování údajů této osoby už není omezeno, takže není o čem rozhodovat.',
  'review.reason.required': 'Napište odůvodnění svého rozhodnutí.',
  'staff.restricted.locked':
    'Dokud je zpracování omezeno, nemůžete údaje této osoby měnit: žádné nové lekce, přesuny ani platby. Lekci ale zrušit můžete. O omezení rozhoduje administrátor v části „Žádosti o omezení“.',

  'activity.admin.restriction-upheld': 'Administrátor rozhodl o vašem omezení zpracování: zůstává',
  'activity.admin.restriction-lifted':
    'Administrátor rozhodl o vašem omezení zpracování: je zrušeno',
  'activity.admin.viewed-restrictions': 'Administrátor si prohlédl žádosti o omezení',

  'restriction.decision.upheld': 'Škola ponechala omezení v platnosti dne {date}.',
  'restriction.decision.lifted': 'Škola zrušila omezení dne {date}.',
  'restriction.decision.reason': 'Odůvodnění školy:',
  'subscriptions.restricted.lift': 'Zrušit omezení na stránce o soukromí',

  'privacy.cat.restriction.title': 'Rozhodnutí o vašem omezení zpracování',
  'privacy.cat.restriction.purpose':
    'Jak škola rozhodla, když jste omezili zpracování (ponechala, nebo zrušila), s odůvodněním, které vám sdělila.',
  'privacy.cat.restriction.retention': 'Po dobu existence vašeho účtu.',

  'mail.restrictionDecision.upheld.subject': 'Omezení zpracování vašich údajů zůstává v platnosti',
  'mail.restrictionDecision.upheld.body':
    'Vaše omezení zpracování posoudil správce vašich údajů {school} a rozhodl se ho ponechat.',
  'mail.restrictionDecision.upheld.next':
    'Personál nadále nemůže vaše údaje měnit a neposíláme vám žádné nepovinné e-maily. Omezení můžete kdykoli sami zrušit na své stránce o soukromí.',
  'mail.restrictionDecision.lifted.subject': 'Omezení zpracování vašich údajů bylo zrušeno',
  'mail.restrictionDecision.lifted.body':
    'Vaše omezení zpracování posoudil správce vašich údajů {school} a zrušil ho.',
  'mail.restrictionDecision.lifted.next':
    'Vaše údaje se opět zpracovávají jako obvykle. Pokud nesouhlasíte, můžete zpracování na své stránce o soukromí znovu omezit nebo podat stížnost u dozorového úřadu pro ochranu osobních údajů.',
  'mail.restrictionDecision.reason': 'Odůvodnění: {reason}',
  'mail.restrictionDecision.button': 'Otevřít stránku o soukromí',
};
