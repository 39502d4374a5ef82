import type { passkeys as en } from '../en/passkeys';

/** Czech: strong sign-in (passkeys, two-step sign-in with an authenticator app, recovery codes). */
export const passkeys: Record<keyof typeof en, string> = {
  'passkey.login.button': 'Přihlásit se přístupovým klíčem',
  'passkey.working': 'Čekáme na váš přístupový klíč…',
  'passkey.reauth.button': 'Potvrdit přístupovým klíčem',
  'passkey.reauth.noPassword':
    'Váš účet nemá heslo: potvrďte, že jste to vy, jedním ze svých přístupových klíčů.',
  'passkey.error.generic':
    'Přístupový klíč nefungoval. Zkuste to prosím znovu, nebo se přihlaste jiným způsobem.',
  'passkey.error.cancelled': 'Zrušeno: nic se nezměnilo.',
  'passkey.error.unsupported': 'Tento prohlížeč neumí používat přístupové klíče.',
  'passkey.error.rate-limited': 'Příliš mnoho pokusů. Zkuste to prosím později.',
  'passkey.error.challenge-missing':
    'Požadavek na přístupový klíč se nenašel. Zkuste to prosím znovu.',
  'passkey.error.challenge-unknown':
    'Požadavek na přístupový klíč se nenašel. Zkuste to prosím znovu.',
  'passkey.error.challenge-expired':
    'Platnost požadavku na přístupový klíč po 5 minutách vypršela. Zkuste to prosím znovu.',
  'passkey.error.challenge-used':
    'Tento požadavek na přístupový klíč už byl použit. Zkuste to prosím znovu.',
  'passkey.error.malformed': 'Prohlížeč poslal odpověď, které nerozumíme. Zkuste to prosím znovu.',
  'passkey.error.origin-mismatch':
    'Přístupový klíč byl použit na jiné webové adrese, než má tato služba. Otevřete tento web na jeho obvyklé adrese a zkuste to znovu.',
  'passkey.error.rp-id-mismatch':
    'Přístupový klíč byl vytvořen pro jiný web. Použijte přístupový klíč vytvořený pro tento web.',
  'passkey.error.unknown-credential':
    'Tento přístupový klíč tu není zaregistrovaný. Možná byl odebrán: přihlaste se jiným způsobem.',
  'passkey.error.reset-required':
    'Váš účet byl zabezpečen po nahlášení, že jedno z přihlášení jste neprovedli vy. Nastavte si nové heslo pomocí odkazu, který jsme vám poslali e-mailem; pak budou vaše přístupové klíče zase fungovat.',
  'passkey.error.counter-regression':
    'Tento přístupový klíč vypadá jako kopie (klon), proto byl odmítnut. Přihlaste se jiným způsobem a zkontrolujte své přístupové klíče.',
  'passkey.error.invalid-signature':
    'Odpověď přístupového klíče se nepodařilo ověřit. Zkuste to prosím znovu.',
  'passkey.error.user-not-verified':
    'Máte zapnuté dvoufázové přihlášení, takže přístupový klíč musí ověřit, že jste to vy (PIN, otisk prstu nebo obličej). Nastavte to na klíči, nebo se přihlaste heslem.',
  'passkey.error.already-registered': 'Tento přístupový klíč už je zaregistrovaný.',
  'passkey.error.last':
    'Tento přístupový klíč je váš jediný způsob přihlášení. Nejprve přidejte další přístupový klíč nebo si nastavte heslo.',

  'passkey.section': 'Přístupové klíče',
  'passkey.lead':
    'S přístupovým klíčem se místo hesla přihlásíte otiskem prstu, obličejem, zámkem obrazovky nebo bezpečnostním klíčem. Nedá se uhodnout a na podvodných webech nefunguje.',
  'passkey.none': 'Zatím nemáte žádné přístupové klíče.',
  'passkey.col.name': 'Název',
  'passkey.col.created': 'Přidán',
  'passkey.col.lastUsed': 'Naposledy použit',
  'passkey.never': 'nikdy',
  'passkey.synced': 'synchronizovaný',
  'passkey.rename': 'Přejmenovat',
  'passkey.rename.label': 'Nový název pro „{name}“',
  'passkey.remove': 'Odebrat',
  'passkey.removeConfirm.title': 'Odebrat přístupový klíč „{name}“?',
  'passkey.removeConfirm.body':
    'Tímto přístupovým klíčem se tu už nebudete moci přihlásit. Ve vašem zařízení nebo ve správci hesel zůstane, dokud ho tam nesmažete. O změně vám pošleme e-mail.',
  'passkey.removeConfirm.button': 'Ano, odebrat tento přístupový klíč',
  'passkey.removeConfirm.back': 'Zpět na přihlášení a zabezpečení',
  'passkey.add.name': 'Název nového přístupového klíče (nepovinné)',
  'passkey.add.nameHint':
    'Například „Telefon“ nebo „Pracovní notebook“. Pokud pole necháte prázdné, klíč dostane název podle tohoto prohlížeče.',
  'passkey.add.submit': 'Přidat přístupový klíč',
  'passkey.add.reauth': 'Nejprve budete požádáni o potvrzení, že jste to vy.',

  'twoFactor.section': 'Dvoufázové přihlášení',
  'twoFactor.lead':
    'Po zadání hesla se vás zeptáme ještě na kód z ověřovací aplikace v telefonu, například Google Authenticator, Microsoft Authenticator, Aegis nebo 2FAS. Při přihlášení přístupovým klíčem kód není potřeba.',
  'twoFactor.off': 'Dvoufázové přihlášení je vypnuté.',
  'twoFactor.on': 'Dvoufázové přihlášení je zapnuté od {when}.',
  'twoFactor.enable': 'Zapnout dvoufázové přihlášení',
  'twoFactor.disable': 'Vypnout dvoufázové přihlášení',
  'twoFactor.codesLeft': 'Zbývající záložní kódy: {count} z 10.',
  'twoFactor.disableConfirm.title': 'Vypnout dvoufázové přihlášení?',
  'twoFactor.disableConfirm.since': 'Zapnuto od',
  'twoFactor.disableConfirm.codes': 'Záložní kódy',
  'twoFactor.disableConfirm.codesLeft': 'Nepoužito: {count} z 10',
  'twoFactor.disableConfirm.body':
    'Při přihlášení heslem se už nebudeme ptát na kód. Účet ve vaší ověřovací aplikaci přestane fungovat a všechny záložní kódy se smažou: pro opětovné zapnutí budete aplikaci nastavovat znovu. O změně vám pošleme e-mail.',
  'twoFactor.regenerate': 'Vytvořit nové záložní kódy',
  'twoFactor.code': 'Kód',
  'twoFactor.error.invalid':
    'Tento kód není správný. Zkontrolujte, zda má telefon správný čas, a zadejte nejnovější kód.',
  'twoFactor.error.used': 'Tento kód už byl použit. Počkejte na další.',
  'twoFactor.error.setupExpired': 'Platnost nastavení vypršela. Začněte prosím znovu.',

  'twoFactor.setup.title': 'Nastavte ověřovací aplikaci',
  'twoFactor.setup.scan':
    '1. Otevřete ověřovací aplikaci, přidejte účet a naskenujte tento QR kód.',
  'twoFactor.setup.qrAlt': 'QR kód, který přidá tento účet do ověřovací aplikace',
  'twoFactor.setup.manual': 'Nejde to naskenovat? Zadejte do aplikace místo toho tento klíč:',
  'twoFactor.setup.enter': '2. Zadejte šestimístný kód, který teď aplikace zobrazuje.',
  'twoFactor.setup.submit': 'Zapnout',

  'twoFactor.codes.title': 'Vaše záložní kódy',
  'twoFactor.codes.lead':
    'Pokud ztratíte telefon, každý z těchto kódů vás jednou přihlásí místo kódu z aplikace. Uložte si je hned: vytiskněte je nebo je uschovejte ve správci hesel. Znovu už se nezobrazí.',
  'twoFactor.codes.enabled': 'Dvoufázové přihlášení je nyní zapnuté.',
  'twoFactor.codes.done': 'Mám je uložené',

  'twoFactor.login.title': 'Zadejte kód',
  'twoFactor.login.lead':
    'Otevřete ověřovací aplikaci a zadejte šestimístný kód pro tento účet. Nemáte telefon po ruce? Zadejte jeden ze záložních kódů.',
  'twoFactor.login.submit': 'Pokračovat',
  'twoFactor.login.expired': 'Přihlášení trvalo příliš dlouho. Přihlaste se prosím znovu.',

  'mail.passkeyAdded.subject': 'K vašemu účtu byl přidán přístupový klíč',
  'mail.passkeyAdded.body':
    'K vašemu účtu byl přidán přístupový klíč „{passkey}“ ({when}). Nyní se jím lze přihlásit.',
  'mail.passkeyAdded.notMe':
    'Pokud jste ho nepřidali vy, použijte odkaz níže: odebere tento přístupový klíč, ukončí všechny relace a vyžádá si nové heslo.',
  'mail.passkeyRemoved.subject': 'Z vašeho účtu byl odebrán přístupový klíč',
  'mail.passkeyRemoved.body': 'Z vašeho účtu byl odebrán přístupový klíč „{passkey}“ ({when}).',
  'mail.twoFactorEnabled.subject': 'Dvoufázové přihlášení je zapnuté',
  'mail.twoFactorEnabled.body':
    'U vašeho účtu bylo zapnuto dvoufázové přihlášení s ověřovací aplikací ({when}).',
  'mail.twoFactorDisabled.subject': 'Dvoufázové přihlášení je vypnuté',
  'mail.twoFactorDisabled.body':
    'U vašeho účtu bylo vypnuto dvoufázové přihlášení ({when}). Přihlášení heslem teď nevyžaduje žádný kód.',
  'mail.recoveryCodesNew.subject': 'Nové záložní kódy k vašemu účtu',
  'mail.recoveryCodesNew.body':
    'K vašemu účtu byly vytvořeny nové záložní kódy ({when}). Staré už nefungují.',
  'mail.recoveryCodeUsed.subject': 'K přihlášení byl použit záložní kód',
  'mail.recoveryCodeUsed.body':
    'K přihlášení do vašeho účtu byl místo kódu z aplikace použit záložní kód ({when}).',
  'mail.recoveryCodeUsed.left':
    'Zbývající záložní kódy: {count}. Nové si můžete vytvořit v části „Přihlášení a zabezpečení“.',
  'mail.recoveryCodeUsed.none':
    'To byl váš poslední záložní kód. Vytvořte si prosím hned nové v části „Přihlášení a zabezpečení“.',
};
