/** English: the shared layout and the public pages. */
export const site = {
  'layout.skip': 'Skip to content',
  'layout.mainNav': 'Main',
  'layout.cabinetNav': 'Your account',
  'layout.language': 'Language',
  'layout.staffMode': 'Staff',
  'nav.account': 'My account',
  'nav.staff': 'Staff console',
  'nav.signIn': 'Sign in',
  'nav.signOut': 'Sign out',
  'nav.register': 'Create account',
  'nav.overview': 'Overview',
  'nav.profile': 'Profile',
  'nav.security': 'Sign-in and security',
  'nav.privacy': 'Privacy and data',
  'nav.subscriptions': 'Mailing subscriptions',
  'nav.bookings': 'Bookings and payments',
  'nav.privacy.policy': 'Privacy policy',
  'nav.cookies': 'Cookies',
  'nav.api': 'API',

  'home.title': 'Welcome',
  'home.heading': 'Your account at {school}',
  'home.lead':
    'Sign in to see your lesson bookings and payments, keep your details up to date, and decide what happens to your data.',
  'home.openCabinet': 'Open my account',
  'home.register': 'Create an account',
  'home.signIn': 'Sign in',
  'home.promises': 'What we promise, and keep',
  'home.p.hash.title': 'Passwords only as hashes',
  'home.p.hash.body':
    'Your password is stored only as an argon2id hash that nobody, not even our staff, can read back.',
  'home.p.see.title': 'See and correct everything',
  'home.p.see.body':
    'Your account shows every piece of data we hold about you, and you can correct it yourself at any time.',
  'home.p.delete.title': 'Download or delete',
  'home.p.delete.body':
    'Take all your data as a zip of JSON and spreadsheet files, or delete your account yourself.',
  'home.p.mail.title': 'Mail you chose',
  'home.p.mail.body':
    'We send booking and payment confirmations. Anything else only if you subscribed, and every such mail lets you unsubscribe without signing in: a link to a page with one button, or the Unsubscribe button your mail app shows.',

  'cookies.title': 'Cookies',
  'cookies.intro':
    'We use only the technical cookies this site needs to work. There is no analytics, tracking or advertising.',
  'cookies.col.name': 'Cookie',
  'cookies.col.purpose': 'What it is for',
  'cookies.col.lifetime': 'How long it lasts',
  'cookies.session.purpose':
    'Keeps you signed in. It holds a random token; your password is never in a cookie.',
  'cookies.lang.purpose': 'Remembers the language you chose with the language switcher.',
  'cookies.lang.lifetime': 'One year',
  'cookies.none':
    'No third-party cookies are set, and no cookie is used to follow you across other sites.',

  'privacy.title': 'Privacy',
  'privacy.lead':
    'This page explains in plain words what {school} keeps about you, why, and for how long.',
  'privacy.what.title': 'What we store',
  'privacy.what.body':
    'Your name, email address, and, if you give them, your phone number, your video-call account (such as Skype) for online lessons, and your goals and wishes in your own words.\nFor security: the IP address, browser and device type, and time of each sign-in and session.\nYour lesson bookings, payments recorded by our staff (amount, description and date only, never card details), your mailing choices, and the emails we sent you.',
  'privacy.why.title': 'Why we store it',
  'privacy.why.body':
    'To give you your account, to confirm lesson bookings and payments, to clarify lesson details, and, only if you subscribed, to send occasional announcements.\nIP addresses are used only to protect accounts against spam, bots and password guessing.',
  'privacy.passwords.title': 'Your password',
  'privacy.passwords.body':
    'Passwords are never stored in readable form: we keep only an argon2id hash, which not even our staff can turn back into the password.',
  'privacy.howLong.title': 'How long we keep it',
  'privacy.howLong.body':
    'While you use the service, and then {inactive} after your last sign-in, lesson, payment or change to your profile (never while a lesson is still ahead); we warn you by email 30 days before.\nIP addresses in security events are removed after {ip}. Accounts whose email was never confirmed are removed after {unverified}.\nWhen you delete your account, it is removed {grace} later (you can change your mind until then); only payment records the law requires us to keep remain, without your name or contact details.',
  // The counts in privacy.howLong.body: {inactive}, {ip}, {unverified}, {grace}.
  'privacy.howLong.inactive.one': '{count} day',
  'privacy.howLong.inactive.other': '{count} days',
  'privacy.howLong.ip.one': '{count} day',
  'privacy.howLong.ip.other': '{count} days',
  'privacy.howLong.unverified.one': '{count} day',
  'privacy.howLong.unverified.other': '{count} days',
  'privacy.howLong.grace.one': '{count} day',
  'privacy.howLong.grace.other': '{count} days',
  'privacy.rights.title': 'Your rights, in your account',
  'privacy.rights.body':
    'You can see everything we hold about you, correct it, download it, restrict its processing while you dispute its accuracy, and delete your account, all yourself, at once, from your account pages.',
  'privacy.mail.title': 'Mail',
  'privacy.mail.body':
    'Service messages about your account, bookings, payments and policy changes are part of the service. Announcements are sent only after you confirm a subscription, and every one lets you unsubscribe without signing in: a link to a page with one button, or the Unsubscribe button your mail app shows.',
  'privacy.staff.title': 'Who can see your data',
  'privacy.staff.body':
    'Only the staff who work with you. Every time a staff member looks at your data, it is recorded and shown to you in your account.',
  'privacy.cookies.title': 'Cookies',
  'privacy.cookies.body':
    'Only technical cookies: one keeps you signed in, two carry a sign-in with a code or a passkey through its few minutes, and one remembers your language. The cookie page lists each of them.',
  'privacy.changes.title': 'Changes to this policy',
  'privacy.changes.body':
    'We announce changes by email in advance; a new version never takes effect at once. Every earlier version stays available below.',
  'privacy.version.heading': 'Policy version {version}',
  'privacy.version.dates': 'Published {published}, in force from {effective}.',
  'privacy.versions': 'All versions',
  'privacy.col.version': 'Version',
  'privacy.col.effective': 'In force from',
  'privacy.col.summary': 'Summary',
  'privacy.inForce': 'in force',
  'privacy.upcoming': 'upcoming',

  'error.400.title': 'That did not work',
  'error.400.body': 'The request could not be understood. Please go back and try again.',
  'error.403.title': 'Not allowed',
  'error.403.body': 'You do not have access to this page.',
  'error.404.title': 'Page not found',
  'error.404.body':
    'There is nothing at this address. It may have moved, or the link may be mistyped.',
  'error.413.title': 'Too much data',
  'error.413.body': 'What you sent is larger than we accept.',
  'error.429.title': 'Too many attempts',
  'error.429.body': 'Please wait a little and try again.',
  'error.500.title': 'Something went wrong',
  'error.500.body': 'An error occurred on our side. Please try again in a moment.',
  'error.503.title': 'Briefly unavailable',
  'error.503.body': 'The service is briefly unavailable. Please try again in a moment.',
  'error.home': 'Go to the start page',

  'crossSite.title': 'Open this from our own pages',
  'crossSite.staff.body':
    'You followed a link from another site to the staff console. Every look at a person’s data is recorded, and the person sees it in their account, so console pages open only from the console itself.',
  'crossSite.account.body':
    'You followed a link from another site to a download of your data. Every download is recorded in your account activity, so it starts only from your account.',
  'crossSite.open': 'Open it from here',
  'crossSite.staff.back': 'Go to the staff console',
  'crossSite.account.back': 'Go to privacy and data',
} as const;
