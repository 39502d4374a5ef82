import type { subscriptions as en } from '../en/subscriptions';
import type { Translation } from '../plural';

/** Czech: subscriptions. */
export const subscriptions: Translation<typeof en> = {
  'subscriptions.title': 'Odběr e-mailů',
  'subscriptions.lead':
    'Vyberte si, jaké nepovinné e-maily chcete dostávat. Přihlášení k odběru má ještě jeden krok: pošleme vám odkaz e-mailem a odběr začne, jakmile ho otevřete.',
  'subscriptions.status': 'Stav',
  'subscriptions.status.subscribed': 'Odebíráte',
  'subscriptions.status.pending': 'Čeká na vaše potvrzení',
  'subscriptions.status.unsubscribed': 'Neodebíráte',
  'subscriptions.subscribe': 'Přihlásit k odběru',
  'subscriptions.unsubscribe': 'Odhlásit odběr',
  'subscriptions.resend': 'Poslat odkaz znovu',
  'subscriptions.cancel': 'Zrušit žádost',
  'subscriptions.mandatory': 'Vždy zapnuto',
  'subscriptions.mandatory.reason':
    'Tyto e-maily nelze vypnout: potřebujeme je pro váš účet, vaše lekce a vaše platby. Nikdy nejde o reklamu.',
  'subscriptions.pending.hint':
    'Na adresu {email} jsme poslali potvrzovací odkaz. Otevřete ho a dokončete tak přihlášení k odběru.',
  'subscriptions.restricted':
    'Zpracování vašich údajů je omezeno, proto vám do zrušení omezení neposíláme žádné nepovinné e-maily.',
  'subscriptions.oneClick':
    'Každý e-mail z odběru má dole odkaz pro odhlášení, který funguje bez přihlášení k účtu.',
  'subscriptions.notice.pending':
    'Skoro hotovo: pro potvrzení odběru „{list}“ otevřete odkaz, který jsme vám právě poslali e-mailem.',
  'subscriptions.notice.subscribed': 'Odebíráte „{list}“.',
  'subscriptions.notice.unsubscribed':
    'Odběr „{list}“ je odhlášen. Tyto e-maily už vám chodit nebudou.',
  'subscriptions.error.mandatory': '„{list}“ nelze vypnout.',

  'subscriptionConfirm.title': 'Potvrďte odběr',
  'subscriptionConfirm.body':
    'Stisknutím tlačítka začnete tyto e-maily dostávat. Odhlásit se můžete kdykoli.',
  'subscriptionConfirm.button': 'Potvrdit odběr',
  'subscriptionConfirm.done': 'Děkujeme: odebíráte „{list}“.',
  'subscriptionConfirm.manage': 'Spravovat odběry',

  'unsubscribe.title': 'Odhlášení odběru',
  'unsubscribe.body':
    'Přestat posílat „{list}“ na tuto adresu? Provozních zpráv o vašem účtu se to netýká.',
  'unsubscribe.button': 'Odhlásit odběr',
  'unsubscribe.done': 'Odběr „{list}“ je odhlášen. Tyto e-maily už vám chodit nebudou.',
  'optOut.title': 'Teď od nás nedostáváte žádné hromadné e-maily',
  'optOut.offer': 'Chcete, abychom smazali i váš účet a vše, co o vás uchováváme?',
  'optOut.how':
    'Smazání probíhá jako vždy: potvrdíte ho heslem nebo přístupovým klíčem, během {days} si to můžete rozmyslet a pak zmizí vše kromě záznamů o platbách, které vyžaduje zákon (bez vašeho jména).',
  // {days} v optOut.how, 2. pád po „během“: „během 1 dne / 2 dnů / 5 dní“.
  'optOut.how.days.one': '{count} dne',
  'optOut.how.days.few': '{count} dnů',
  'optOut.how.days.many': '{count} dne',
  'optOut.how.days.other': '{count} dní',
  'optOut.howNow':
    'Smazání probíhá jako vždy: potvrdíte ho heslem nebo přístupovým klíčem a pak okamžitě zmizí vše kromě záznamů o platbách, které vyžaduje zákon (bez vašeho jména).',
  'optOut.button': 'Smazat můj účet a moje údaje…',
  'mail.mailingsStopped.subject': 'Už od nás nebudete dostávat hromadné e-maily',
  'mail.mailingsStopped.body':
    'Odhlásili jste se z posledního z našich odběrů, takže vám {school} už nebude posílat žádná oznámení. Zprávy o vašem účtu a lekcích chodit budou dál.',
  'unsubscribe.invalid':
    'Tento odkaz pro odhlášení není platný. Zkontrolujte, zda jste ho zkopírovali celý, nebo se přihlaste a změňte odběry ve svém účtu.',
  'unsubscribe.mandatory': 'Tyto zprávy jsou součástí služby a nelze je vypnout.',

  'activity.subscription.requested': 'Vyžádán odběr, čeká se na potvrzení',
  'activity.subscription.confirmed': 'Odběr potvrzen',
  'activity.subscription.unsubscribed': 'Odhlášen odběr e-mailů',

  'mail.subscriptionConfirm.subject': 'Potvrďte odběr: {list}',
  'mail.subscriptionConfirm.body':
    'Požádali jste o zasílání „{list}“ od {school}. Potvrďte prosím, že tyto e-maily chcete dostávat.',
  'mail.subscriptionConfirm.expiry': 'Odkaz funguje jednou a platí 7 dní.',
  'mail.subscriptionConfirm.action': 'Potvrdit odběr',
  'mail.subscriptionConfirm.footer':
    'Pokud jste o to nežádali, tento e-mail ignorujte: bez odkazu vás k odběru nepřihlásíme.',
  'mail.announcement.why': 'Tento e-mail dostáváte, protože odebíráte „{list}“.',
  'mail.announcement.unsubscribe': 'Odhlásit odběr',
  'mail.announcement.manage': 'Spravovat odběry',

  'announce.title': 'Odeslat oznámení',
  'announce.lead':
    'E-mail dostanou jen lidé, kteří odběr seznamu potvrdili, nikdy účty s omezeným zpracováním, nepotvrzené nebo rušené účty. Každý e-mail má odkaz pro odhlášení, který funguje bez přihlášení, a poštovní programy k němu zobrazují vlastní tlačítko pro odhlášení odběru.',
  'announce.list': 'Seznam',
  'announce.subject': 'Předmět',
  'announce.body': 'Zpráva',
  'announce.body.hint': 'Prostý text. Prázdný řádek začíná nový odstavec.',
  'announce.uk': 'Ukrajinská verze (nepovinné)',
  'announce.uk.hint':
    'Lidé, kteří si zvolili ukrajinštinu, dostanou tuto verzi; všichni ostatní dostanou hlavní.',
  'announce.ukSubject': 'Předmět v ukrajinštině',
  'announce.ukBody': 'Zpráva v ukrajinštině',
  'announce.preview': 'Náhled',
  'announce.send': 'Zkontrolovat a odeslat…',
  'announce.confirm.title': 'Odeslat toto oznámení?',
  'announce.confirm.body':
    'Dostanou ho všichni, kdo potvrdili odběr „{list}“ (celkem {count}). Po zařazení do fronty ho už nelze vzít zpět.',
  'announce.confirm.button': 'Ano, odeslat hned',
  'announce.confirm.back': 'Zpět k úpravám',
  'announce.noRecipients':
    'Odběr „{list}“ zatím nikdo nepotvrdil, takže není komu posílat. Nic nebylo zařazeno do fronty.',
  'announce.queuedNone': 'Nic nebylo zařazeno do fronty: tento seznam už nikdo neodebírá.',
  'announce.recipients': 'Potvrzení odběratelé „{list}“, kterým e-mail odejde: {count}.',
  'announce.previewText': 'Textová část',
  'announce.previewHtml': 'Část HTML (zdrojový kód)',
  'announce.queued': 'Oznámení je zařazeno do fronty. Příjemci: {count}.',
  'announce.error.list':
    'Vyberte jeden ze zobrazených seznamů: provozní zprávy nelze posílat jako oznámení.',
  'announce.error.translation': 'Vyplňte ukrajinský předmět i zprávu, nebo ani jedno.',
};
