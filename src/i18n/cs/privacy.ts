import type { privacy as en } from '../en/privacy';
import type { Translation } from '../plural';

/** Czech: privacy self-service (what we hold, export, restriction, consents, deletion, policy). */
export const privacy: Translation<typeof en> = {
  'privacy.cat.profile.title': 'Profil',
  'privacy.cat.profile.purpose':
    'Váš účet a lekce: jméno, e-mail, telefon, účet pro videohovory, cíle, jazyk a časové pásmo.',
  'privacy.cat.profile.retention':
    'Po dobu, kdy službu používáte, a poté {inactive} od vašeho posledního přihlášení, lekce, platby nebo změny profilu; nikdy ne, dokud vás nějaká lekce ještě čeká.',
  'privacy.cat.sign-in-methods.title': 'Způsoby přihlášení',
  'privacy.cat.sign-in-methods.purpose':
    'Jak se přihlašujete: zda máte nastavené heslo, vaše přístupové klíče, dvoufázové přihlášení. Nikdy ne samotná tajemství.',
  'privacy.cat.sign-in-methods.retention': 'Dokud je neodeberete nebo nesmažete svůj účet.',
  'privacy.cat.sessions.title': 'Relace (přihlášená zařízení)',
  'privacy.cat.sessions.purpose':
    'Abyste zůstali přihlášeni; podle IP adresy a prohlížeče poznáte zařízení, které není vaše.',
  'privacy.cat.sessions.retention':
    'Dokud se neodhlásíte nebo relace nevyprší; IP adresy mažeme po uplynutí {ip}.',
  'privacy.cat.events.title': 'Bezpečnostní záznamy a záznamy o přístupu',
  'privacy.cat.events.purpose':
    'Přihlášení, změny vašeho účtu a každé nahlédnutí personálu do vašich údajů, abyste je mohli zkontrolovat.',
  'privacy.cat.events.retention':
    'Po dobu existence vašeho účtu; IP adresy mažeme po uplynutí {ip}.',
  'privacy.cat.links.title': 'Odkazy z e-mailů a výzvy k přihlášení',
  'privacy.cat.links.purpose':
    'Jednorázové odkazy, které jsme vám poslali e-mailem (potvrzení, obnovení hesla, zrušení), a výzvy pro přístupové klíče; z každého uchováváme jen otisk.',
  'privacy.cat.links.retention': 'Do vypršení platnosti (minuty až 60 dní), pak se smažou.',
  'privacy.cat.consents.title': 'Souhlasy',
  'privacy.cat.consents.purpose':
    'Které verze zásad ochrany osobních údajů jste přijali a kdy a vaše potvrzení věku.',
  'privacy.cat.consents.retention': 'Po dobu existence vašeho účtu.',
  'privacy.cat.subscriptions.title': 'Odběr e-mailů',
  'privacy.cat.subscriptions.purpose':
    'Které seznamy oznámení jste si vybrali a každá změna, kterou jste v tom provedli.',
  'privacy.cat.subscriptions.retention': 'Po dobu existence vašeho účtu.',
  'privacy.cat.bookings.title': 'Rezervace lekcí',
  'privacy.cat.bookings.purpose':
    'Vaše lekce: čas, místo nebo odkaz na videohovor a poznámky, které si k nim vede váš lektor.',
  'privacy.cat.bookings.retention': 'Po dobu existence vašeho účtu.',
  'privacy.cat.staff.title': 'Zaměstnanci, kteří s vámi pracují',
  'privacy.cat.staff.purpose':
    'Lektoři, které vám přidělil administrátor, jménem a od kdy: vaše údaje vidí jen oni, lektoři, u kterých jste měli lekci v posledních 12 měsících nebo vás u nich nějaká čeká, a administrátoři.',
  'privacy.cat.staff.retention':
    'Dokud administrátor přidělení neukončí nebo dokud není váš účet smazán.',
  'privacy.cat.payments.title': 'Platby',
  'privacy.cat.payments.purpose':
    'Platby zaznamenané personálem: částka, měna, popis a datum; nikdy údaje o kartě.',
  'privacy.cat.payments.retention':
    'Tak dlouho, jak vyžadují účetní předpisy; po smazání vašeho účtu se uchovávají bez vašeho jména.',
  'privacy.cat.emails.title': 'E-maily, které jsme vám poslali',
  'privacy.cat.emails.purpose':
    'Které e-maily jsme vám poslali a zda dorazily: předmět, druh, datum a stav.',
  'privacy.cat.emails.retention':
    'Text e-mailu se maže 30 dní po odeslání; záznam o něm zůstává po dobu existence vašeho účtu.',

  'hold.title': 'Soukromí a vaše údaje',
  'hold.lead':
    'Vše, co o vás uchováváme, proč a jak dlouho. Zde si to můžete stáhnout, omezit zpracování nebo smazat svůj účet.',
  'hold.heading': 'Co o vás uchováváme',
  'hold.col.category': 'Co',
  'hold.col.count': 'Záznamy',
  'hold.col.purpose': 'Proč to uchováváme',
  'hold.col.retention': 'Jak dlouho',
  'hold.correct': 'Něco nesedí? Opravte své údaje na stránce profilu.',
  'hold.deletionPending': 'Smazání vašeho účtu je naplánováno na {date}.',
  'hold.notice.restricted': 'Zpracování vašich údajů je nyní omezeno.',
  'hold.notice.lifted': 'Omezení je zrušeno.',
  'hold.notice.accepted': 'Děkujeme: přijali jste aktuální zásady ochrany osobních údajů.',

  'export.starting': 'Děkujeme. Stahování právě začíná.',
  'export.startingLink': 'Pokud nezačne, stáhněte soubor zde.',
  'hold.index': 'Na této stránce',
  'restriction.quoted': '„{text}“',
  'export.heading': 'Stažení vašich údajů',
  'export.lead':
    'Archiv ZIP se vším výše uvedeným: data.json, jeden tabulkový soubor (CSV) pro každý druh údajů a soubor README, který je vysvětluje.',
  'export.zip': 'Stáhnout vše (ZIP)',
  'export.json': 'Jen data.json',
  'export.reauth': 'Z bezpečnostních důvodů nejprve potvrďte, že jste to vy.',
  'export.reauthButton': 'Potvrdit a stáhnout',
  'export.wait':
    'Sestavení souboru trvá několik sekund. Prohlížeč zobrazí stahování, jakmile začne; není třeba klikat dvakrát.',

  'restriction.heading': 'Omezení zpracování',
  'restriction.lead':
    'Pokud se domníváte, že některé vaše údaje nejsou správné, můžete po dobu jejich ověřování omezit jejich zpracování: nebudete dostávat oznámení ani jiné nepovinné e-maily a personál uvidí upozornění dříve, než vaše údaje použije. E-maily nutné pro rezervace, platby a váš účet chodit budou dál.',
  'restriction.reason': 'Co není v pořádku?',
  'restriction.reason.hint': 'Stručně nám napište, které údaje napadáte a proč.',
  'restriction.reason.required': 'Napište krátké zdůvodnění.',
  'restriction.submit': 'Omezit zpracování',
  'restriction.active': 'Zpracování je omezeno od {when}.',
  'restriction.yourReason': 'Vaše zdůvodnění:',
  'restriction.lift': 'Zrušit omezení',

  'consents.heading': 'Souhlasy',
  'consents.current': 'Platné zásady ochrany osobních údajů jsou ve verzi {version}.',
  'consents.accepted': 'Přijali jste je.',
  'consents.notAccepted': 'Zatím jste je nepřijali.',
  'consents.accept': 'Přijmout verzi {version}',
  'consents.read': 'Přečíst si zásady a všechny předchozí verze',
  'consents.col.when': 'Kdy',
  'consents.col.what': 'Co',
  'consents.col.version': 'Verze',
  'consents.col.how': 'Jak',
  'consents.kind.privacy-policy': 'Zásady ochrany osobních údajů',
  'consents.kind.age-confirmation': 'Potvrzení věku (minimální věk)',
  'consents.granted': 'udělen',
  'consents.withdrawn': 'odvolán',
  'consents.method.registration': 'při registraci',
  'consents.method.cabinet': 've vašem účtu',
  'consents.method.api': 'v aplikaci',
  'consents.more': 'Další záznamy ve staženém souboru: {count}.',
  'consents.none': 'Nejsou zaznamenány žádné souhlasy.',

  'delete.heading': 'Smazání účtu',
  'delete.lead': 'Svůj účet i vše, co obsahuje, můžete smazat sami.',
  'delete.link': 'Smazat můj účet…',
  'delete.title': 'Smazat můj účet',
  'delete.what.1':
    'Smaže se váš profil, způsoby přihlášení, relace, bezpečnostní záznamy, souhlasy, odběry, rezervace a záznam o e-mailech, které jsme vám poslali.',
  'delete.what.2':
    'Platby zůstanou, protože to vyžadují účetní předpisy, ale bez vašeho jména, e-mailu a čehokoli dalšího, co by je s vámi spojovalo.',
  'delete.what.3.one':
    'Okamžitě budete odhlášeni na všech zařízeních. Smazání proběhne za {count} den; do té doby si to můžete rozmyslet odkazem, který vám pošleme e-mailem, nebo jednoduše tím, že se přihlásíte.',
  'delete.what.3.few':
    'Okamžitě budete odhlášeni na všech zařízeních. Smazání proběhne za {count} dny; do té doby si to můžete rozmyslet odkazem, který vám pošleme e-mailem, nebo jednoduše tím, že se přihlásíte.',
  'delete.what.3.many':
    'Okamžitě budete odhlášeni na všech zařízeních. Smazání proběhne za {count} dne; do té doby si to můžete rozmyslet odkazem, který vám pošleme e-mailem, nebo jednoduše tím, že se přihlásíte.',
  'delete.what.3.other':
    'Okamžitě budete odhlášeni na všech zařízeních. Smazání proběhne za {count} dní; do té doby si to můžete rozmyslet odkazem, který vám pošleme e-mailem, nebo jednoduše tím, že se přihlásíte.',
  'delete.what.now':
    'Okamžitě budete odhlášeni na všech zařízeních a ve stejném okamžiku bude váš účet smazán. Tento krok nelze vrátit.',
  'delete.what.4': 'Zálohy mohou kopii krátce uchovávat, dokud nejsou nahrazeny.',
  'delete.exportFirst': 'Možná si budete chtít nejdřív stáhnout své údaje.',
  'delete.continue': 'Pokračovat ke smazání…',
  'delete.keep': 'Ponechat si účet',
  'delete.confirm.title': 'Opravdu?',
  'delete.confirm.body': 'Váš účet bude smazán {date}. Nyní budete odhlášeni.',
  'delete.confirm.now':
    'Váš účet bude okamžitě smazán i se vším, co o vás uchováváme. Tento krok nelze vrátit.',
  'delete.confirm.button': 'Ano, smazat můj účet',
  'delete.scheduled.title': 'Váš účet bude smazán',
  'delete.scheduled.body':
    'Byli jste odhlášeni. Váš účet bude smazán {date}. E-mailem jsme vám poslali odkaz pro zrušení; smazání zruší i nové přihlášení.',
  'delete.erased.title': 'Váš účet je smazán',
  'delete.erased.body':
    'Váš účet i vše, co jsme o vás uchovávali, je smazáno. Poslali jsme vám o tom poslední e-mail; jakmile odejde, nezůstane u nás žádná kopie vaší adresy.',

  'deletionCancel.title': 'Ponechat si účet',
  'deletionCancel.body':
    'Smazání vašeho účtu je naplánováno. Stisknutím tlačítka smazání zrušíte a účet si ponecháte.',
  'deletionCancel.button': 'Zrušit smazání',
  'deletionCancel.done': 'Smazání je zrušeno; váš účet zůstává. Můžete se znovu přihlásit.',

  'policyAccept.title': 'Naše zásady ochrany osobních údajů se změnily',
  'policyAccept.lead':
    'Od {date} platí verze {version}. Přečtěte si prosím, co se změnilo, a pro další používání účtu ji přijměte.',
  'policyAccept.summary': 'Co se změnilo:',
  'policyAccept.read': 'Přečíst celý text',
  'policyAccept.button': 'Přijímám',
  'policyAccept.alternatives':
    'Pokud nesouhlasíte, můžete si i tak stáhnout své údaje nebo smazat svůj účet.',

  'export.readme.title': 'Vaše údaje od {school}',
  'export.readme.intro': 'Tento archiv obsahuje vše, co o vás {school} uchovává, ke dni {date}.',
  'export.readme.json':
    'data.json: vše v jednom souboru, pro programy. Data a časy jsou ve formátu ISO 8601 v UTC; „schemaVersion“ udává verzi struktury.',
  'export.readme.csvIntro': 'Jeden tabulkový soubor (CSV) pro každý druh údajů:',
  'export.readme.format':
    'Soubory CSV jsou v kódování UTF-8 se znakem BOM, hodnoty oddělené čárkami, s řádkem záhlaví; otevřete je v Excelu, LibreOffice i Tabulkách Google. Buňka, kterou by tabulkový procesor spustil jako vzorec, začíná apostrofem.',
  'export.readme.omitted':
    'Záměrně není zahrnuto: vaše heslo (uchováváme jen jeho otisk, který zahrnut také není), tajné části odkazů a relací a jména zaměstnanců, kteří si vaše údaje prohlédli nebo je změnili (uvidíte, že jednal personál, ne kdo konkrétně). Lektoři, kteří vám byli přiděleni, jsou jmenovitě uvedeni v souboru assigned-staff.csv.',
  'export.readme.more':
    'Své údaje můžete kdykoli opravit, omezit jejich zpracování nebo smazat svůj účet ve svém účtu: {url}',

  'mail.deletionScheduled.subject': 'Váš účet bude smazán',
  'mail.deletionScheduled.body':
    'Podle vašeho přání je smazání vašeho účtu naplánováno na {date}. Na všech zařízeních jste byli odhlášeni.',
  'mail.deletionScheduled.inactive':
    'Protože se účet dlouho nepoužíval, je jeho smazání naplánováno na {date}.',
  'mail.deletionScheduled.cancel':
    'Rozmysleli jste si to? Před tímto datem použijte tlačítko níže, nebo se jednoduše přihlaste.',
  'mail.deletionScheduled.action': 'Ponechat si účet',
  'mail.deletionCancelled.subject': 'Přihlášením jste zrušili smazání účtu',
  'mail.deletionCancelled.body':
    'Přihlásili jste se {when} a přihlášení ruší smazání, o které jste požádali: váš účet i vaše údaje zůstávají.',
  'mail.deletionCancelled.again': 'Pokud přesto chcete svůj účet smazat, požádejte o to znovu zde:',
  'mail.deletionCancelled.action': 'Smazat můj účet…',
  'mail.accountDeleted.subject': 'Váš účet je smazán',
  'mail.accountDeleted.body':
    'Váš účet a údaje v něm byly smazány. Toto je poslední e-mail, který od nás v této věci dostanete.',
  'mail.accountDeleted.kept':
    'Záznamy o platbách uchováváme, jak vyžaduje zákon, bez vašeho jména a kontaktních údajů.',
  'mail.policyNotice.subject': 'Naše zásady ochrany osobních údajů se mění od {date}',
  'mail.policyNotice.body':
    'Aktualizujeme naše zásady ochrany osobních údajů. Verze {version} nabývá účinnosti od {date}.',
  'mail.policyNotice.summary': 'Stručně: {summary}',
  'mail.policyNotice.after': 'Po tomto datu vás při příštím přihlášení požádáme o jejich přijetí.',
  'mail.policyNotice.action': 'Přečíst novou verzi',
  'mail.inactivity.subject': 'Pokud se nepřihlásíte, váš účet bude smazán',
  'mail.inactivity.body':
    'Svůj účet jste dlouho nepoužili. Údaje uchováváme jen po dobu, kdy se používají, proto váš účet smažeme, pokud se do {date} nepřihlásíte.',
  'mail.inactivity.keep':
    'Pokud si ho chcete ponechat, stačí se do té doby přihlásit. Pokud ho už nepotřebujete, nemusíte nic dělat.',
  'mail.inactivity.action': 'Přihlásit se',

  'activity.deletion.scheduled': 'Naplánováno smazání účtu',
  'activity.processing.restricted': 'Zpracování vašich údajů omezeno',
  'activity.processing.unrestricted': 'Omezení zpracování zrušeno',
  'activity.policy.accepted': 'Přijaty zásady ochrany osobních údajů',
  'activity.policy.published': 'Zveřejněna verze zásad ochrany osobních údajů',
  'activity.data.exported': 'Vaše údaje byly staženy',
  'activity.inactivity.warned': 'Upozornění e-mailem na nepoužívaný účet',
};
