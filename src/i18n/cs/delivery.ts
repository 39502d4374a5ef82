import type { delivery as en } from '../en/delivery';

/** Czech: announcement history, delivery reports, the suppression list, more translations. */
export const delivery: Record<keyof typeof en, string> = {
  'history.title': 'Odeslaná oznámení',
  'history.lead':
    'Všechna oznámení a kolik z nich už odešlo. Čísla se berou přímo z fronty e-mailů a během rozesílání se průběžně obnovují.',
  'history.compose': 'Napsat nové oznámení',
  'history.none': 'Zatím nebylo odesláno žádné oznámení.',
  'history.col.when': 'Odesláno',
  'history.col.subject': 'Předmět',
  'history.col.list': 'Seznam',
  'history.col.author': 'Autor',
  'history.col.progress': 'Průběh',
  'history.authorGone': 'bývalý zaměstnanec',
  'history.progress.sending': 'Probíhá: poštovní službě předáno {sent} z {recipients}.',
  'history.progress.done': 'Hotovo: poštovní službě předáno {sent} z {recipients}.',
  'history.meta': 'Seznam „{list}“, autor: {author}, {when}.',
  'history.count.recipients': 'Příjemců',
  'history.count.queued': 'Stále ve frontě',
  'history.count.sent': 'Odesláno',
  'history.count.failed': 'Nezdařilo se',
  'history.count.suppressed': 'Zadrženo (e-mail se vrátil nebo stížnost na spam)',
  'history.count.cancelled': 'Zrušeno (odhlášení před odesláním)',
  'history.count.delivered': 'Doručeno podle hlášení',
  'history.count.bounced': 'Vráceno podle hlášení',
  'history.count.complained': 'Označeno jako spam',
  'history.refresh': 'Obnovit čísla',
  'history.back': 'Všechna odeslaná oznámení',

  'delivery.suppressed.title': 'Adresy, na které už nepíšeme',
  'delivery.suppressed.lead':
    'Na tyto adresy neposíláme oznámení: e-maily na ně se trvale vrátily nebo je příjemce označil jako spam. E-maily týkající se účtu dál odcházejí. Každý, kdo je na seznamu, uvidí ve svém účtu, že si zaměstnanec tento seznam prohlížel.',
  'delivery.suppressed.none': 'Žádná adresa není zadržena.',
  'delivery.suppressed.noAccount': 'tuto adresu teď nepoužívá žádný účet',
  'delivery.col.person': 'Osoba',
  'delivery.col.address': 'Adresa',
  'delivery.col.reason': 'Důvod',
  'delivery.col.since': 'Od kdy',
  'delivery.reason.bounce': 'E-mail se vrátil: schránka neexistuje nebo poštu odmítá',
  'delivery.reason.complaint': 'Označeno jako spam',

  'delivery.banner.bounce.title': 'E-mail na vaši adresu se vrátil',
  'delivery.banner.bounce.body':
    'Náš poslední e-mail na {email} nebyl doručen, a tak jsme tam přestali posílat oznámení. Zkontrolujte, zda v adrese není překlep a zda schránka není plná. E-maily týkající se vašeho účtu se dál snažíme doručit.',
  'delivery.banner.complaint.title': 'Označili jste náš e-mail jako spam',
  'delivery.banner.complaint.body':
    'Váš poskytovatel pošty nám oznámil, že jste e-mail na {email} označili jako spam. Z tohoto seznamu jsme vás proto odhlásili a oznámení tam už neposíláme. E-maily týkající se účtu budou chodit dál.',
  'delivery.banner.reconfirm': 'Adresa funguje, posílejte znovu',
  'delivery.banner.change': 'Změnit adresu',
  'delivery.banner.cleared': 'Děkujeme, na vaši adresu budeme zase posílat.',
  'delivery.hold.retention':
    'Hlášení o tom, zda e-mail dorazil (doručen, vrácen, označen jako spam), uchováváme 90 dní, pak už jen jejich počty; adresa, ze které se e-maily trvale vracejí, zůstává na seznamu „neposílat“, dokud ji nezměníte nebo nepotvrdíte.',
  'activity.mail.address-reconfirmed': 'Potvrdili jste, že vaše e-mailová adresa znovu funguje',

  'announce.ru': 'Ruská verze (nepovinné)',
  'announce.ru.hint': 'Kdo si zvolil ruštinu, dostane tuto verzi; ostatní dostanou hlavní.',
  'announce.ruSubject': 'Předmět rusky',
  'announce.ruBody': 'Zpráva rusky',
  'announce.cs': 'Česká verze (nepovinné)',
  'announce.cs.hint': 'Kdo si zvolil češtinu, dostane tuto verzi; ostatní dostanou hlavní.',
  'announce.csSubject': 'Předmět česky',
  'announce.csBody': 'Zpráva česky',
  'announce.error.translation.ru': 'Vyplňte ruský předmět i zprávu, nebo ani jedno.',
  'announce.error.translation.cs': 'Vyplňte český předmět i zprávu, nebo ani jedno.',
};
