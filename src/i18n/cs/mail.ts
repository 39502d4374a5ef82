import type { mail as en } from '../en/mail';

/** Czech: every email. */
export const mail: Record<keyof typeof en, string> = {
  'mail.greeting': 'Dobrý den, {name},',
  'mail.linkFallback': 'Pokud tlačítko nefunguje, zkopírujte do prohlížeče tuto adresu:',
  'mail.footer.service':
    'Toto je provozní zpráva o vašem účtu. Je součástí služby a nelze se z ní odhlásit.',
  'mail.notMe.lead': 'Nebyli jste to vy?',
  'mail.notMe.link': 'Zabezpečit můj účet: ukončit všechny relace a vyžádat nové heslo',

  'mail.verify.subject': 'Potvrďte svůj e-mail pro {school}',
  'mail.verify.greeting': 'Dobrý den,',
  'mail.verify.body':
    'Potvrďte prosím, že je to vaše e-mailová adresa, a dokončete tak založení účtu. Odkaz otevře stránku, kde zadáte heslo, které jste zvolili při registraci.',
  'mail.verify.expiry': 'Odkaz platí 24 hodin.',
  'mail.verify.action': 'Potvrdit můj e-mail',
  'mail.verify.footer':
    'Pokud jste si účet nezakládali, tento e-mail ignorujte: bez odkazu se nic nestane.',

  'mail.alreadyRegistered.subject': 'Někdo se pokusil registrovat s vaší adresou',
  'mail.alreadyRegistered.body':
    'Někdo, možná vy, se pokusil s touto e-mailovou adresou založit nový účet. Účet už máte, proto žádný nový nevznikl.',
  'mail.alreadyRegistered.ignore':
    'Pokud jste zapomněli heslo, můžete si nastavit nové. Pokud jste to nebyli vy, můžete tento e-mail ignorovat.',
  'mail.alreadyRegistered.action': 'Nastavit nové heslo',

  'mail.reset.subject': 'Nastavení nového hesla',
  'mail.reset.body': 'Obdrželi jsme žádost o nastavení nového hesla k vašemu účtu.',
  'mail.reset.expiry':
    'Odkaz funguje jednou a platí jednu hodinu. Nastavením nového hesla se odhlásíte na všech zařízeních.',
  'mail.reset.ignore':
    'Pokud jste o to nežádali, tento e-mail ignorujte: vaše heslo zůstane beze změny.',
  'mail.reset.action': 'Nastavit nové heslo',

  'mail.passwordChanged.subject': 'Vaše heslo bylo změněno',
  'mail.passwordChanged.body': 'Heslo k vašemu účtu bylo právě změněno.',
  'mail.passwordChanged.bodyReset':
    'K vašemu účtu bylo právě nastaveno nové heslo pomocí odkazu pro obnovení.',
  'mail.passwordChanged.sessions': 'Ostatní přihlášená zařízení byla odhlášena.',

  'mail.emailChange.subject': 'Potvrďte svou novou e-mailovou adresu',
  'mail.emailChange.body':
    'Potvrďte prosím, že chcete tuto adresu od nynějška používat pro svůj účet.',
  'mail.emailChange.ignore':
    'Pokud jste o to nežádali, tento e-mail ignorujte: bez odkazu se nic nezmění.',
  'mail.emailChange.action': 'Potvrdit novou adresu',
  'mail.emailChangeTaken.body':
    'Někdo požádal o převedení účtu na tuto adresu, ale účet s touto adresou už existuje, proto se nic nezměnilo.',
  'mail.emailChanged.subject': 'E-mailová adresa vašeho účtu byla změněna',
  'mail.emailChanged.body':
    'Váš účet nyní používá adresu {email}. E-maily o vašem účtu budou od nynějška chodit tam.',

  'mail.newSignIn.subject': 'Nové přihlášení k vašemu účtu',
  'mail.newSignIn.body': 'K vašemu účtu se právě někdo přihlásil ze zařízení, které dosud neznáme.',
  'mail.newSignIn.details': 'Kdy: {when}. Adresa: {ip}. Zařízení: {device}.',

  'mail.lockout.subject': 'Přihlašování k vašemu účtu je pozastaveno',
  'mail.lockout.body':
    'K vašemu účtu bylo zadáno příliš mnoho špatných hesel, proto je přihlašování heslem asi na {minutes} min pozastaveno.',
  'mail.lockout.reset':
    'Pokud jste to byli vy a zapomněli jste heslo, můžete si hned teď nastavit nové.',

  'mail.notMeDone.subject': 'Váš účet je zabezpečený',
  'mail.notMeDone.body':
    'Jak jste požádali, všechny relace vašeho účtu skončily a staré heslo už nefunguje. Pro nové přihlášení si nastavte nové heslo.',
};
