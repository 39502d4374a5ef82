/**
 * English: who is responsible for the data and where to complain, who else processes it, and
 * every cookie (issue 19). Shown on /privacy, /cookies, the account's privacy page, in every
 * mail's footer and in the data export's README.
 */
export const transparency = {
  'controller.heading': 'Who is responsible for your data',
  'controller.who':
    '{name}, {address}, is responsible for your personal data (the controller). For any question or request about it, write to {email}.',
  'controller.dpo': 'Our data protection officer: {email}.',
  'controller.complain':
    'If you think we handle your data unlawfully, you can complain to the supervisory authority, {authority}: {url}',
  'controller.example':
    'These are the example school’s details: this installation has not been given its own yet.',

  'processors.heading': 'Who else processes your data',
  'processors.lead':
    'These companies process data for us, under contract, only for the purpose shown and only where shown.',
  'processors.none': 'No other processors: nobody but us handles your data for this service.',
  'processors.col.name': 'Company',
  'processors.col.purpose': 'What for',
  'processors.col.location': 'Where',
  'processors.resend.purpose': 'Mail delivery: sends the emails of this service',
  'processors.resend.location': 'USA',

  'cookies.col.without': 'Without it',
  'cookies.session.lifetimeRemember.one':
    'Until you close the browser; if you tick "remember me", {count} day after your last visit.',
  'cookies.session.lifetimeRemember.other':
    'Until you close the browser; if you tick "remember me", {count} days after your last visit.',
  'cookies.session.without': 'You cannot sign in.',
  'cookies.lang.without':
    'Pages follow your browser’s language, or your account’s setting once you sign in.',
  'cookies.twoFactor.purpose':
    'Carries a two-step sign-in from the password to the code. It holds a random token, not your password.',
  'cookies.twoFactor.without': 'You cannot finish signing in with a code in the browser.',
  'cookies.passkey.purpose':
    'Ties a passkey sign-in to the browser that started it. It holds a random id, no secret.',
  'cookies.passkey.without': 'You cannot sign in with a passkey (email and password still work).',
  'cookies.minutes.one': '{count} minute',
  'cookies.minutes.other': '{count} minutes',
  'cookies.untilClosed': 'Until you close the browser',
  'cookies.sessionOnly':
    'This installation keeps no cookie after you close the browser: every cookie below ends with the browser session, and there is no "remember me".',
  'cookies.refuse.heading': 'Refusing cookies',
  'cookies.refuse.body':
    'All of these cookies are strictly necessary for what you ask the site to do, so we do not ask for consent. You can block or delete them in your browser’s settings (usually under Privacy, Cookies or Site data). The public pages still work; what stops working is shown in the table: without the session cookie you cannot sign in.',
} as const;
