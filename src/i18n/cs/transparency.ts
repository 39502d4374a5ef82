import type { transparency as en } from '../en/transparency';
import type { Translation } from '../plural';

/**
 * Czech: who is responsible for the data and where to complain, who else processes it, and
 * every cookie (issue 19). Shown on /privacy, /cookies, the account's privacy page, in every
 * mail's footer and in the data export's README.
 */
export const transparency: Translation<typeof en> = {
  'controller.heading': 'Kdo odpovídá za vaše údaje',
  'controller.who':
    'Za vaše osobní údaje odpovídá {name}, {address} (správce). S jakýmkoli dotazem nebo žádostí, které se jich týkají, pište na {email}.',
  'controller.dpo': 'Náš pověřenec pro ochranu osobních údajů: {email}.',
  'controller.complain':
    'Pokud se domníváte, že s vašimi údaji nakládáme v rozporu se zákonem, můžete podat stížnost u dozorového úřadu, kterým je {authority}: {url}',
  'controller.example':
    'Toto jsou údaje ukázkové školy: tato instalace zatím nemá nastavené vlastní.',

  'processors.heading': 'Kdo další zpracovává vaše údaje',
  'processors.lead':
    'Tyto společnosti pro nás zpracovávají údaje na základě smlouvy, jen k uvedenému účelu a jen na uvedeném místě.',
  'processors.none':
    'Žádní další zpracovatelé: s vašimi údaji v rámci této služby nakládáme jen my.',
  'processors.col.name': 'Společnost',
  'processors.col.purpose': 'K čemu',
  'processors.col.location': 'Kde',
  'processors.resend.purpose': 'Doručování pošty: odesílá e-maily této služby',
  'processors.resend.location': 'Spojené státy',

  'cookies.col.without': 'Bez něj',
  'cookies.session.lifetimeRemember.one':
    'Do zavření prohlížeče; pokud zaškrtnete „Neodhlašovat mě“, po dobu {count} dne od vaší poslední návštěvy.',
  'cookies.session.lifetimeRemember.few':
    'Do zavření prohlížeče; pokud zaškrtnete „Neodhlašovat mě“, po dobu {count} dnů od vaší poslední návštěvy.',
  'cookies.session.lifetimeRemember.many':
    'Do zavření prohlížeče; pokud zaškrtnete „Neodhlašovat mě“, po dobu {count} dne od vaší poslední návštěvy.',
  'cookies.session.lifetimeRemember.other':
    'Do zavření prohlížeče; pokud zaškrtnete „Neodhlašovat mě“, po dobu {count} dní od vaší poslední návštěvy.',
  'cookies.session.without': 'Nemůžete se přihlásit.',
  'cookies.lang.without':
    'Stránky se řídí jazykem vašeho prohlížeče, po přihlášení nastavením vašeho účtu.',
  'cookies.twoFactor.purpose':
    'Přenáší dvoufázové přihlášení od zadání hesla k zadání kódu. Obsahuje náhodný token, ne vaše heslo.',
  'cookies.twoFactor.without': 'V prohlížeči nedokončíte přihlášení kódem.',
  'cookies.passkey.purpose':
    'Spojuje přihlášení přístupovým klíčem s prohlížečem, ve kterém začalo. Obsahuje náhodný identifikátor, žádné tajemství.',
  'cookies.passkey.without':
    'Nemůžete se přihlásit přístupovým klíčem (e-mail a heslo fungují dál).',
  'cookies.minutes.one': '{count} minuta',
  'cookies.minutes.few': '{count} minuty',
  'cookies.minutes.many': '{count} minuty',
  'cookies.minutes.other': '{count} minut',
  'cookies.untilClosed': 'Do zavření prohlížeče',
  'cookies.sessionOnly':
    'Tato instalace po zavření prohlížeče neuchovává žádný soubor cookie: platnost všech níže uvedených souborů cookie končí s relací prohlížeče a volba „Neodhlašovat mě“ tu není.',
  'cookies.refuse.heading': 'Odmítnutí souborů cookie',
  'cookies.refuse.body':
    'Všechny tyto soubory cookie jsou nezbytně nutné pro to, co po webu požadujete, proto se neptáme na souhlas. V nastavení prohlížeče je můžete zablokovat nebo smazat (obvykle v části Soukromí, Soubory cookie nebo Data webů). Veřejné stránky budou fungovat dál; co přestane fungovat, uvádí tabulka: bez souboru cookie relace se nepřihlásíte.',
};
