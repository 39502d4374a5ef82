/** English: privacy self-service (what we hold, export, restriction, consents, deletion, policy). */
export const privacy = {
  'privacy.cat.profile.title': 'Profile',
  'privacy.cat.profile.purpose':
    'Your account and lessons: your name, email, phone, video-call account, goals, language and time zone.',
  'privacy.cat.profile.retention':
    'While you use the service, then {inactive} after your last sign-in, lesson, payment or change to your profile; never while a lesson is still ahead.',
  'privacy.cat.sign-in-methods.title': 'Sign-in methods',
  'privacy.cat.sign-in-methods.purpose':
    'How you sign in: whether a password is set, your passkeys, two-step sign-in. Never the secrets themselves.',
  'privacy.cat.sign-in-methods.retention': 'Until you remove them or delete your account.',
  'privacy.cat.sessions.title': 'Sessions (devices signed in)',
  'privacy.cat.sessions.purpose':
    'Keeping you signed in; the IP address and browser let you spot a device that is not yours.',
  'privacy.cat.sessions.retention':
    'Until you sign out or the session expires; IP addresses are removed after {ip}.',
  'privacy.cat.events.title': 'Security and access events',
  'privacy.cat.events.purpose':
    'Sign-ins, changes to your account and every time staff looked at your data, so you can check them.',
  'privacy.cat.events.retention': 'While your account exists; IP addresses are removed after {ip}.',
  'privacy.cat.links.title': 'Emailed links and sign-in challenges',
  'privacy.cat.links.purpose':
    'Single-use links we emailed you (confirm, reset, cancel) and passkey challenges; only a fingerprint of each is kept.',
  'privacy.cat.links.retention': 'Until they expire (minutes to 60 days), then deleted.',
  'privacy.cat.consents.title': 'Consents',
  'privacy.cat.consents.purpose':
    'Which privacy policy versions you accepted, and when, and your age confirmation.',
  'privacy.cat.consents.retention': 'While your account exists.',
  'privacy.cat.subscriptions.title': 'Mailing subscriptions',
  'privacy.cat.subscriptions.purpose':
    'Which announcement lists you chose, and every change you made to that.',
  'privacy.cat.subscriptions.retention': 'While your account exists.',
  'privacy.cat.bookings.title': 'Lesson bookings',
  'privacy.cat.bookings.purpose':
    'Your lessons: time, place or video link, and the notes your teacher keeps for them.',
  'privacy.cat.bookings.retention': 'While your account exists.',
  'privacy.cat.staff.title': 'Staff who work with you',
  'privacy.cat.staff.purpose':
    'The teachers an admin assigned to you, by name, and since when: only they, teachers you have had a lesson with in the last 12 months or have one ahead, and admins can see your data.',
  'privacy.cat.staff.retention': 'Until an admin ends the assignment or your account is deleted.',
  'privacy.cat.payments.title': 'Payments',
  'privacy.cat.payments.purpose':
    'Payments recorded by staff: amount, currency, description and date; never card details.',
  'privacy.cat.payments.retention':
    'As long as accounting law requires; after your account is deleted they are kept without your name.',
  'privacy.cat.emails.title': 'Emails sent to you',
  'privacy.cat.emails.purpose':
    'Which emails we sent you and whether they arrived: subject, kind, date and status.',
  'privacy.cat.emails.retention':
    'The text of an email is removed 30 days after sending; the record of it stays while your account exists.',

  'hold.title': 'Privacy and your data',
  'hold.lead':
    'Everything we keep about you, why, and for how long. You can download it, restrict its use, or delete your account here.',
  'hold.heading': 'What we hold about you',
  'hold.col.category': 'What',
  'hold.col.count': 'Records',
  'hold.col.purpose': 'Why we keep it',
  'hold.col.retention': 'How long',
  'hold.correct': 'Something wrong? Correct your details on the profile page.',
  'hold.deletionPending': 'Your account is scheduled for deletion on {date}.',
  'hold.notice.restricted': 'Processing of your data is now restricted.',
  'hold.notice.lifted': 'The restriction is lifted.',
  'hold.notice.accepted': 'Thank you: you accepted the current privacy policy.',

  'export.starting': 'Thank you. Your download starts now.',
  'export.startingLink': 'If it does not, download it here.',
  'hold.index': 'On this page',
  'restriction.quoted': '“{text}”',
  'export.heading': 'Download your data',
  'export.lead':
    'A zip file with everything above: data.json, one spreadsheet (CSV) file per kind of data, and a README that explains them.',
  'export.zip': 'Download everything (zip)',
  'export.json': 'Only data.json',
  'export.reauth': 'For your safety, confirm it is you first.',
  'export.reauthButton': 'Confirm and download',
  'export.wait':
    'Putting the file together takes a few seconds. Your browser shows the download as soon as it starts; there is no need to click twice.',

  'restriction.heading': 'Restrict processing',
  'restriction.lead':
    'If you think some of your data is wrong, you can restrict its use while it is checked: you get no announcements or other optional mail, and staff see a notice before they use your data. Mail you need for bookings, payments and your account still comes.',
  'restriction.reason': 'What is wrong?',
  'restriction.reason.hint': 'Tell us briefly which data you dispute and why.',
  'restriction.reason.required': 'Write a short reason.',
  'restriction.submit': 'Restrict processing',
  'restriction.active': 'Processing is restricted since {when}.',
  'restriction.yourReason': 'Your reason:',
  'restriction.lift': 'Lift the restriction',

  'consents.heading': 'Consents',
  'consents.current': 'The privacy policy in force is version {version}.',
  'consents.accepted': 'You accepted it.',
  'consents.notAccepted': 'You have not accepted it yet.',
  'consents.accept': 'Accept version {version}',
  'consents.read': 'Read the policy and every earlier version',
  'consents.col.when': 'When',
  'consents.col.what': 'What',
  'consents.col.version': 'Version',
  'consents.col.how': 'How',
  'consents.kind.privacy-policy': 'Privacy policy',
  'consents.kind.age-confirmation': 'Age confirmation (minimum age)',
  'consents.granted': 'given',
  'consents.withdrawn': 'withdrawn',
  'consents.method.registration': 'when you registered',
  'consents.method.cabinet': 'in your account',
  'consents.method.api': 'through the app',
  'consents.more': '{count} more in the download.',
  'consents.none': 'No consents recorded.',

  'delete.heading': 'Delete your account',
  'delete.lead': 'You can delete your account and everything in it yourself.',
  'delete.link': 'Delete my account…',
  'delete.title': 'Delete my account',
  'delete.what.1':
    'Your profile, sign-in methods, sessions, security events, consents, subscriptions, bookings and the record of emails we sent you are deleted.',
  'delete.what.2':
    'Payments stay, because accounting law requires it, but without your name, email or any other link to you.',
  'delete.what.3.one':
    'You are signed out everywhere at once. The deletion happens {count} day later; until then you can change your mind with the link we email you, or simply by signing in.',
  'delete.what.3.other':
    'You are signed out everywhere at once. The deletion happens {count} days later; until then you can change your mind with the link we email you, or simply by signing in.',
  'delete.what.now':
    'You are signed out everywhere at once, and your account is deleted at the same moment. It cannot be undone.',
  'delete.what.4': 'Backups may keep a copy for a short time until they are replaced.',
  'delete.exportFirst': 'You may want to download your data first.',
  'delete.continue': 'Continue to deletion…',
  'delete.keep': 'Keep my account',
  'delete.confirm.title': 'Are you sure?',
  'delete.confirm.body': 'Your account will be deleted on {date}. You will be signed out now.',
  'delete.confirm.now':
    'Your account will be deleted at once, with everything we hold about you. This cannot be undone.',
  'delete.confirm.button': 'Yes, delete my account',
  'delete.scheduled.title': 'Your account will be deleted',
  'delete.scheduled.body':
    'You are signed out. Your account will be deleted on {date}. We emailed you a link to cancel; signing in again also cancels.',
  'delete.erased.title': 'Your account is deleted',
  'delete.erased.body':
    'Your account and everything we held about you are deleted. We sent a last email to say so; after it has gone, we keep no copy of your address.',

  'deletionCancel.title': 'Keep my account',
  'deletionCancel.body':
    'Your account is scheduled for deletion. Press the button to cancel the deletion and keep it.',
  'deletionCancel.button': 'Cancel the deletion',
  'deletionCancel.done': 'The deletion is cancelled; your account stays. You can sign in again.',

  'policyAccept.title': 'Our privacy policy has changed',
  'policyAccept.lead':
    'Version {version} is in force since {date}. Please read what changed and accept it to go on using your account.',
  'policyAccept.summary': 'What changed:',
  'policyAccept.read': 'Read the full text',
  'policyAccept.button': 'I accept',
  'policyAccept.alternatives':
    'If you do not agree, you can still download your data or delete your account.',

  'export.readme.title': 'Your data from {school}',
  'export.readme.intro': 'This archive holds everything {school} keeps about you, as of {date}.',
  'export.readme.json':
    'data.json: all of it in one file, for programs. Dates are ISO 8601 in UTC; "schemaVersion" says which layout this is.',
  'export.readme.csvIntro': 'One spreadsheet (CSV) file per kind of data:',
  'export.readme.format':
    'The CSV files are UTF-8 with a byte-order mark, comma-separated, with a header line; they open in Excel, LibreOffice and Google Sheets. A cell a spreadsheet would run as a formula starts with an apostrophe.',
  'export.readme.omitted':
    'Not included, on purpose: your password (we only keep a hash of it, which is not included either), the secrets of links and sessions, and the names of staff members who looked at or changed your data (you see that staff acted, not who). The teachers assigned to you are named in assigned-staff.csv.',
  'export.readme.more':
    'You can correct your data, restrict its use or delete your account at any time in your account: {url}',

  'mail.deletionScheduled.subject': 'Your account will be deleted',
  'mail.deletionScheduled.body':
    'As you asked, your account is scheduled for deletion on {date}. You have been signed out everywhere.',
  'mail.deletionScheduled.inactive':
    'Because the account was not used for a long time, it is scheduled for deletion on {date}.',
  'mail.deletionScheduled.cancel':
    'Changed your mind? Use the button below, or simply sign in, before that date.',
  'mail.deletionScheduled.action': 'Keep my account',
  'mail.deletionCancelled.subject': 'Signing in cancelled the deletion of your account',
  'mail.deletionCancelled.body':
    'You signed in on {when}, and signing in cancels a deletion you asked for: your account and your data stay.',
  'mail.deletionCancelled.again': 'If you still want your account deleted, ask again here:',
  'mail.deletionCancelled.action': 'Delete my account…',
  'mail.accountDeleted.subject': 'Your account is deleted',
  'mail.accountDeleted.body':
    'Your account and the data in it have been deleted. This is the last email you get from us about it.',
  'mail.accountDeleted.kept':
    'Payment records are kept as the law requires, without your name or contact details.',
  'mail.policyNotice.subject': 'Our privacy policy changes on {date}',
  'mail.policyNotice.body':
    'We are updating our privacy policy. Version {version} takes effect on {date}.',
  'mail.policyNotice.summary': 'In short: {summary}',
  'mail.policyNotice.after': 'After that date we will ask you to accept it when you next sign in.',
  'mail.policyNotice.action': 'Read the new version',
  'mail.inactivity.subject': 'Your account will be deleted unless you sign in',
  'mail.inactivity.body':
    'You have not used your account for a long time. We keep data only while it is used, so your account will be deleted after {date}.',
  'mail.inactivity.keep':
    'To keep it, simply sign in before then. If you do not need it any more, you do not have to do anything.',
  'mail.inactivity.action': 'Sign in',

  'activity.deletion.scheduled': 'Account deletion scheduled',
  'activity.processing.restricted': 'Processing of your data restricted',
  'activity.processing.unrestricted': 'Restriction of processing lifted',
  'activity.policy.accepted': 'Privacy policy accepted',
  'activity.policy.published': 'Privacy policy version published',
  'activity.data.exported': 'Your data was downloaded',
  'activity.inactivity.warned': 'Warned by email about an unused account',
};
