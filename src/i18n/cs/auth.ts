import type { auth as en } from '../en/auth';

/** Czech: sign-in, registration and password pages. */
export const auth: Record<keyof typeof en, string> = {
  'password.too-short': 'Použijte alespoň 8 znaků.',
  'password.too-long': 'Použijte nejvýše 128 znaků.',
  'password.common': 'Toto heslo patří k nejběžnějším a snadno se uhodne. Zvolte jiné.',
  'password.same-as-identity': 'Jako heslo nepoužívejte svou e-mailovou adresu ani jméno.',
  'password.breached': 'Toto heslo se objevilo v uniklých datech. Zvolte jiné.',

  'form.required': 'Vyplňte toto pole.',
  'form.invalidEmail': 'Zadejte e-mailovou adresu ve tvaru jmeno@example.com.',
  'form.fixErrors': 'Opravte prosím níže označená pole.',
  'register.passwordCleared':
    'Z bezpečnostních důvodů heslo nikdy neposíláme zpět: zadejte ho znovu.',
  'form.cancel': 'Zrušit',
  'form.save': 'Uložit změny',
  'form.saved': 'Změny jsou uložené.',
  'error.rateLimited': 'Příliš mnoho pokusů. Zkuste to prosím znovu za {minutes} min.',

  'register.title': 'Založit účet',
  'register.lead': 'Pošleme vám e-mail k potvrzení adresy.',
  'register.name': 'Vaše jméno',
  'register.email': 'E-mailová adresa',
  'register.password': 'Heslo',
  'register.passwordHint':
    'Alespoň 8 znaků. Několik nesouvisejících slov se snadno pamatuje a těžko uhodne.',
  'register.acceptPolicy': 'Znám a přijímám',
  'register.policyLink': 'zásady ochrany osobních údajů',
  'register.confirmAge': 'Je mi alespoň {age} let.',
  'register.mustAccept': 'Pro založení účtu prosím přijměte zásady ochrany osobních údajů.',
  'register.mustConfirmAge': 'Potvrďte prosím svůj věk.',
  'register.submit': 'Založit účet',
  'register.haveAccount': 'Už máte účet?',
  'register.signIn': 'Přihlásit se',
  'register.sent.title': 'Zkontrolujte svůj e-mail',
  'register.sent.body':
    'Na adresu {email} jsme poslali odkaz. Otevřete ho, tím adresu potvrdíte a dokončíte založení účtu.',
  'register.sent.spam':
    'Do několika minut vám nic nepřišlo? Podívejte se do složky se spamem, nebo si vyžádejte nový odkaz.',

  'login.title': 'Přihlášení',
  'login.email': 'E-mailová adresa',
  'login.password': 'Heslo',
  'login.remember': 'Neodhlašovat mě na tomto zařízení',
  'login.submit': 'Přihlásit se',
  'login.forgot': 'Zapomněli jste heslo?',
  'login.noAccount': 'Jste tu poprvé?',
  'login.register': 'Založit účet',
  'login.error.invalid': 'E-mail nebo heslo nejsou správné.',
  'login.error.rateLimited':
    'Příliš mnoho pokusů. Zkuste to prosím znovu za {minutes} min, nebo si nastavte nové heslo.',
  'login.error.resetRequired':
    'Z bezpečnostních důvodů je u tohoto účtu před přihlášením potřeba nastavit nové heslo.',
  'login.error.unverified':
    'Nejprve prosím potvrďte svou e-mailovou adresu: otevřete odkaz, který jsme vám poslali.',
  'login.notice.signed-out': 'Odhlášení proběhlo.',
  'login.notice.password-reset': 'Nové heslo je nastavené. Přihlaste se prosím.',
  'login.notice.email-verified': 'Vaše e-mailová adresa je potvrzená. Přihlaste se prosím.',
  'login.notice.secured': 'Váš účet je zabezpečený.',

  'verify.title': 'Potvrďte svou e-mailovou adresu',
  'verify.body':
    'Zadejte heslo, které jste zvolili při registraci: tím adresu potvrdíte a zároveň se přihlásíte.',
  'verify.button': 'Potvrdit a přihlásit se',
  'verify.wrongPassword':
    'To není heslo zvolené při odeslání tohoto odkazu. Zkuste to znovu, nebo si níže zvolte nové heslo.',
  'verify.notMine': 'Neregistrovali jste se, nebo jste zapomněli heslo?',
  'verify.newPassword': 'Zvolit nové heslo',
  'verify.resend': 'Poslat nový odkaz',
  'verify.resent': 'Pokud k této adrese existuje nepotvrzený účet, nový odkaz je na cestě.',

  'token.invalid': 'Tento odkaz není platný. Zkontrolujte prosím, zda jste ho zkopírovali celý.',
  'token.expired': 'Platnost tohoto odkazu vypršela. Vyžádejte si prosím nový.',
  'token.used': 'Tento odkaz už byl použit.',
  'token.unusable': 'Tento odkaz už neplatí: vypršel, nebo už byl použit.',

  'forgot.title': 'Zapomněli jste heslo?',
  'forgot.lead': 'Zadejte svou e-mailovou adresu a pošleme vám odkaz pro nastavení nového hesla.',
  'forgot.submit': 'Poslat odkaz',
  'forgot.sent':
    'Pokud tuto adresu používá některý účet, odkaz pro nastavení nového hesla je na cestě. Platí jednu hodinu.',
  'forgot.back': 'Zpět na přihlášení',

  'reset.title': 'Nastavit nové heslo',
  'reset.password': 'Nové heslo',
  'reset.sessions': 'Nastavením nového hesla se odhlásíte na všech zařízeních.',
  'reset.submit': 'Nastavit nové heslo',
  'reset.again': 'Vyžádat si nový odkaz',

  'reauth.title': 'Potvrďte, že jste to vy',
  'reauth.lead': 'Jde o citlivou akci. Zadejte prosím znovu své heslo.',
  'reauth.submit': 'Pokračovat',
  'reauth.wrong': 'Heslo není správné.',

  'notMe.title': 'Zabezpečit můj účet',
  'notMe.body':
    'Pokud jste neudělali to, co popisoval e-mail, stiskněte tlačítko: všechny relace vašeho účtu skončí a budete si muset nastavit nové heslo.',
  'notMe.button': 'Ukončit všechny relace a vyžádat nové heslo',
  'notMe.done':
    'Hotovo. Všechny relace jsou ukončené. Poslali jsme vám e-mailem odkaz pro nastavení nového hesla.',

  'emailConfirm.title': 'Potvrďte svou novou e-mailovou adresu',
  'emailConfirm.body': 'Stisknutím tlačítka začnete tuto adresu používat pro svůj účet.',
  'emailConfirm.button': 'Potvrdit novou adresu',
  'emailConfirm.done': 'Váš účet nyní používá adresu {email}.',
  'emailConfirm.taken': 'Tuto adresu mezitím používá jiný účet, proto se nic nezměnilo.',

  // Two-step sign-in on a phone: open the app from the page, copy the key, keep the codes.
  'twoFactor.setup.openApp': 'Otevřít v ověřovací aplikaci v tomto telefonu',
  'twoFactor.copy.key': 'Zkopírovat klíč',
  'twoFactor.copy.codes': 'Zkopírovat kódy',
  'twoFactor.copy.done': 'Zkopírováno.',
  'twoFactor.copy.failed': 'Kopírování se nezdařilo. Označte text a zkopírujte ho sami.',
  'twoFactor.codes.download': 'Stáhnout jako textový soubor',
  'twoFactor.codes.file.title': '{school}: záložní kódy pro {email}',
  'twoFactor.codes.file.made': 'Vytvořeno {when}.',
  'twoFactor.codes.file.use':
    'Každý kód vás jednou přihlásí místo kódu z ověřovací aplikace. Uložte tento soubor na bezpečné místo: kdo ho má spolu s vaším heslem, může se přihlásit.',
  'twoFactor.login.appLabel': 'Kód z aplikace',
  'twoFactor.login.useRecovery': 'Použít místo toho záložní kód',
  'twoFactor.login.useApp': 'Použít místo toho kód z aplikace',
  'twoFactor.login.recoveryLead':
    'Zadejte jeden ze záložních kódů, které jste si uložili při zapnutí dvoufázového přihlášení. Každý funguje jen jednou.',
  'twoFactor.login.recoveryLabel': 'Záložní kód',
  'twoFactor.login.recoveryHint':
    'Čtyři skupiny po čtyřech písmenech a číslicích, například abcd-2345-efgh-6723.',
};
