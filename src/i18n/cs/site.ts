import type { site as en } from '../en/site';
import type { Translation } from '../plural';

/** Czech: the shared layout and the public pages. */
export const site: Translation<typeof en> = {
  'layout.skip': 'Přejít na obsah',
  'layout.mainNav': 'Hlavní nabídka',
  'layout.cabinetNav': 'Váš účet',
  'layout.language': 'Jazyk',
  'layout.staffMode': 'Personál',
  'nav.account': 'Můj účet',
  'nav.staff': 'Konzole pro personál',
  'nav.signIn': 'Přihlásit se',
  'nav.signOut': 'Odhlásit se',
  'nav.register': 'Založit účet',
  'nav.overview': 'Přehled',
  'nav.profile': 'Profil',
  'nav.security': 'Přihlášení a zabezpečení',
  'nav.privacy': 'Soukromí a údaje',
  'nav.subscriptions': 'Odběr e-mailů',
  'nav.bookings': 'Rezervace a platby',
  'nav.privacy.policy': 'Zásady ochrany osobních údajů',
  'nav.cookies': 'Soubory cookie',
  'nav.api': 'API',

  'home.title': 'Vítejte',
  'home.heading': '{school}: váš účet',
  'home.lead':
    'Po přihlášení uvidíte své rezervace lekcí a platby, můžete si aktualizovat údaje a rozhodnout, co se stane s vašimi daty.',
  'home.openCabinet': 'Otevřít můj účet',
  'home.register': 'Založit účet',
  'home.signIn': 'Přihlásit se',
  'home.promises': 'Co slibujeme a dodržujeme',
  'home.p.hash.title': 'Hesla jen jako otisky',
  'home.p.hash.body':
    'Vaše heslo ukládáme pouze jako otisk (hash) argon2id, ze kterého ho nikdo nepřečte, ani naši zaměstnanci.',
  'home.p.see.title': 'Vše vidíte a můžete opravit',
  'home.p.see.body':
    'Ve svém účtu vidíte každý údaj, který o vás uchováváme, a kdykoli ho můžete sami opravit.',
  'home.p.delete.title': 'Stáhnout, nebo smazat',
  'home.p.delete.body':
    'Všechna svá data si můžete stáhnout jako archiv ZIP se soubory JSON a tabulkami, nebo svůj účet sami smazat.',
  'home.p.mail.title': 'Jen e-maily, které si zvolíte',
  'home.p.mail.body':
    'Posíláme potvrzení rezervací a plateb. Cokoli dalšího jen tehdy, pokud se přihlásíte k odběru, a z každého takového e-mailu se můžete odhlásit bez přihlášení k účtu: odkazem na stránku s jediným tlačítkem, nebo tlačítkem pro odhlášení odběru, které zobrazí váš poštovní program.',

  'cookies.title': 'Soubory cookie',
  'cookies.intro':
    'Používáme jen technické soubory cookie, bez kterých tento web nefunguje. Žádnou analytiku, sledování ani reklamu.',
  'cookies.col.name': 'Soubor cookie',
  'cookies.col.purpose': 'K čemu slouží',
  'cookies.col.lifetime': 'Jak dlouho platí',
  'cookies.session.purpose':
    'Udržuje vás přihlášené. Obsahuje náhodný token; vaše heslo v souboru cookie nikdy není.',
  'cookies.lang.purpose': 'Pamatuje si jazyk, který jste zvolili přepínačem jazyků.',
  'cookies.lang.lifetime': 'Jeden rok',
  'cookies.none':
    'Nenastavujeme žádné soubory cookie třetích stran a žádný soubor cookie neslouží ke sledování vašeho pohybu na jiných webech.',

  'privacy.title': 'Ochrana soukromí',
  'privacy.lead':
    'Tato stránka srozumitelně vysvětluje, jaké údaje o vás {school} uchovává, proč a jak dlouho.',
  'privacy.what.title': 'Co uchováváme',
  'privacy.what.body':
    'Vaše jméno, e-mailovou adresu a, pokud je uvedete, telefonní číslo, účet pro videohovory (například Skype) pro online lekce a vaše cíle a přání vlastními slovy.\nKvůli zabezpečení: IP adresu, typ prohlížeče a zařízení a čas každého přihlášení a relace.\nVaše rezervace lekcí, platby zaznamenané naším personálem (jen částka, popis a datum, nikdy údaje o kartě), vaše volby ohledně e-mailů a e-maily, které jsme vám poslali.',
  'privacy.why.title': 'Proč to uchováváme',
  'privacy.why.body':
    'Abychom vám mohli poskytnout účet, potvrzovat rezervace lekcí a platby, domlouvat podrobnosti lekcí a, jen pokud jste se přihlásili k odběru, posílat občasná oznámení.\nIP adresy slouží pouze k ochraně účtů před spamem, roboty a hádáním hesel.',
  'privacy.passwords.title': 'Vaše heslo',
  'privacy.passwords.body':
    'Hesla nikdy neukládáme v čitelné podobě: uchováváme jen otisk (hash) argon2id, ze kterého heslo nedokážou zpětně získat ani naši zaměstnanci.',
  'privacy.howLong.title': 'Jak dlouho údaje uchováváme',
  'privacy.howLong.body':
    'Po dobu, kdy službu používáte, a poté {inactive} od vašeho posledního přihlášení, lekce, platby nebo změny profilu (nikdy ne, dokud vás nějaká lekce ještě čeká); 30 dní předem vás upozorníme e-mailem.\nIP adresy v bezpečnostních záznamech mažeme po uplynutí {ip}. Účty, jejichž e-mail nebyl nikdy potvrzen, mažeme po uplynutí {unverified}.\nKdyž svůj účet smažete, odstraníme ho po uplynutí {grace} (do té doby si to můžete rozmyslet); zůstanou jen záznamy o platbách, které musíme ze zákona uchovávat, a to bez vašeho jména a kontaktních údajů.',
  // Čísla v privacy.howLong.body: {inactive} ve 4. pádě („a poté 1 den / 2 dny / 5 dní“),
  // ostatní ve 2. pádě po „po uplynutí“ („1 dne / 2 dnů / 5 dní“).
  'privacy.howLong.inactive.one': '{count} den',
  'privacy.howLong.inactive.few': '{count} dny',
  'privacy.howLong.inactive.many': '{count} dne',
  'privacy.howLong.inactive.other': '{count} dní',
  'privacy.howLong.ip.one': '{count} dne',
  'privacy.howLong.ip.few': '{count} dnů',
  'privacy.howLong.ip.many': '{count} dne',
  'privacy.howLong.ip.other': '{count} dní',
  'privacy.howLong.unverified.one': '{count} dne',
  'privacy.howLong.unverified.few': '{count} dnů',
  'privacy.howLong.unverified.many': '{count} dne',
  'privacy.howLong.unverified.other': '{count} dní',
  'privacy.howLong.grace.one': '{count} dne',
  'privacy.howLong.grace.few': '{count} dnů',
  'privacy.howLong.grace.many': '{count} dne',
  'privacy.howLong.grace.other': '{count} dní',
  'privacy.rights.title': 'Vaše práva přímo ve vašem účtu',
  'privacy.rights.body':
    'Můžete si prohlédnout vše, co o vás uchováváme, opravit to, stáhnout, omezit zpracování, dokud napadáte přesnost údajů, a smazat svůj účet, a to vše sami a okamžitě na stránkách svého účtu.',
  'privacy.mail.title': 'E-maily',
  'privacy.mail.body':
    'Provozní zprávy o vašem účtu, rezervacích, platbách a změnách zásad jsou součástí služby. Oznámení posíláme až poté, co odběr potvrdíte, a z každého se můžete odhlásit bez přihlášení k účtu: odkazem na stránku s jediným tlačítkem, nebo tlačítkem pro odhlášení odběru, které zobrazí váš poštovní program.',
  'privacy.staff.title': 'Kdo vidí vaše údaje',
  'privacy.staff.body':
    'Jen zaměstnanci, kteří s vámi pracují. Pokaždé, když se někdo z personálu podívá na vaše údaje, zaznamená se to a uvidíte to ve svém účtu.',
  'privacy.cookies.title': 'Soubory cookie',
  'privacy.cookies.body':
    'Jen technické soubory cookie: jeden vás udržuje přihlášené, dva provedou přihlášení kódem nebo přístupovým klíčem během těch pár minut, které trvá, a jeden si pamatuje váš jazyk. Všechny jsou uvedeny na stránce o souborech cookie.',
  'privacy.changes.title': 'Změny těchto zásad',
  'privacy.changes.body':
    'Změny oznamujeme předem e-mailem; nová verze nikdy nenabývá účinnosti okamžitě. Všechny předchozí verze zůstávají k dispozici níže.',
  'privacy.version.heading': 'Verze zásad {version}',
  'privacy.version.dates': 'Zveřejněno {published}, účinné od {effective}.',
  'privacy.versions': 'Všechny verze',
  'privacy.col.version': 'Verze',
  'privacy.col.effective': 'Účinné od',
  'privacy.col.summary': 'Shrnutí',
  'privacy.inForce': 'platná',
  'privacy.upcoming': 'připravovaná',

  'error.400.title': 'To se nepovedlo',
  'error.400.body': 'Požadavku se nepodařilo porozumět. Vraťte se prosím zpět a zkuste to znovu.',
  'error.403.title': 'Přístup odepřen',
  'error.403.body': 'K této stránce nemáte přístup.',
  'error.404.title': 'Stránka nenalezena',
  'error.404.body':
    'Na této adrese nic není. Stránka se možná přesunula, nebo je v odkazu překlep.',
  'error.413.title': 'Příliš mnoho dat',
  'error.413.body': 'Odeslali jste víc dat, než přijímáme.',
  'error.429.title': 'Příliš mnoho pokusů',
  'error.429.body': 'Chvíli počkejte a zkuste to znovu.',
  'error.500.title': 'Něco se pokazilo',
  'error.500.body': 'Na naší straně došlo k chybě. Zkuste to prosím za chvíli znovu.',
  'error.503.title': 'Dočasně nedostupné',
  'error.503.body': 'Služba je krátce nedostupná. Zkuste to prosím za chvíli znovu.',
  'error.home': 'Přejít na úvodní stránku',

  'crossSite.title': 'Otevřete to z našich stránek',
  'crossSite.staff.body':
    'Do konzole pro personál jste přišli odkazem z jiného webu. Každé nahlédnutí do údajů člověka se zaznamenává a dotyčný ho vidí ve svém účtu, proto se stránky konzole otevírají jen ze samotné konzole.',
  'crossSite.account.body':
    'Ke stažení svých údajů jste přišli odkazem z jiného webu. Každé stažení se zaznamenává do aktivity vašeho účtu, proto se spouští jen z vašeho účtu.',
  'crossSite.open': 'Otevřít odsud',
  'crossSite.staff.back': 'Přejít do konzole pro personál',
  'crossSite.account.back': 'Přejít na soukromí a údaje',
};
