import type { problems as en } from '../en/problems';

/** Czech: the titles of the API's problem+json answers; see ../en/problems.ts. */
export const problems: Record<keyof typeof en, string> = {
  'problem.bad-origin': 'Požadavek z jiného webu byl odmítnut',
  'problem.booking-cancelled': 'Tato rezervace už je zrušená',
  'problem.code-used': 'Tento kód už byl použit; počkejte na další',
  'problem.cross-site': 'Otevřete to z našich stránek',
  'problem.email-not-verified': 'Nejdřív potvrďte svou e-mailovou adresu',
  'problem.email-taken': 'Tuto adresu už používá jiný účet',
  'problem.forbidden': 'K tomu nemáte oprávnění',
  'problem.invalid-code': 'Kód není správný',
  'problem.invalid-credentials': 'E-mail nebo heslo není správné',
  'problem.last-sign-in-method': 'Tento přístupový klíč je váš jediný způsob přihlášení',
  'problem.last-sign-in-method.detail':
    'Nejdřív přidejte další přístupový klíč nebo si nastavte heslo.',
  'problem.mandatory-list':
    'Provozní zprávy se týkají vašeho účtu; jejich odběr nelze zrušit a nepoužívají se pro oznámení',
  'problem.not-found': 'Nenalezeno',
  'problem.not-restricted': 'Zpracování údajů této osoby není omezeno',
  'problem.not-staff': 'Tento účet nepatří zaměstnanci',
  'problem.own-role': 'Svou vlastní roli změnit nemůžete',
  'problem.password-reset-required': 'Nastavte si nové heslo odkazem z e-mailu',
  'problem.policy-acceptance-required':
    'Chcete-li pokračovat, přijměte platné zásady ochrany osobních údajů',
  'problem.policy-version-exists': 'Tato verze už je zveřejněná',
  'problem.policy-version-not-current': 'Tato verze neplatí ani není naplánovaná',
  'problem.processing-restricted': 'Zpracování údajů této osoby je omezeno',
  'problem.processing-restricted.detail':
    'Tato osoba omezila zpracování svých údajů; dokud omezení trvá, nelze je měnit. Zrušit lekci je stále možné.',
  'problem.rate-limited': 'Příliš mnoho pokusů; zkuste to později',
  'problem.reauth-required': 'Potvrďte, že jste to vy: pro pokračování se znovu přihlaste',
  'problem.too-large': 'Tělo požadavku je příliš velké',
  'problem.two-factor-expired': 'Toto přihlášení vypršelo nebo už skončilo; přihlaste se znovu',
  'problem.two-factor-off': 'Dvoufázové přihlášení není zapnuté',
  'problem.two-factor-on': 'Dvoufázové přihlášení už je zapnuté',
  'problem.two-factor-setup-missing':
    'Začněte požadavkem POST /me/2fa/setup (nastavení platí 30 minut)',
  'problem.two-factor-unavailable':
    'Kódy z ověřovací aplikace teď nelze ověřit; záložní kód funguje',
  'problem.unauthenticated': 'Pro pokračování se přihlaste',
  'problem.validation': 'Požadavek není platný',
  'problem.weak-password': 'Zvolte si jiné heslo',
  'problem.wrong-password': 'Současné heslo není správné',
};
