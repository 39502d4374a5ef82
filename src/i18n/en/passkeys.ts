/** English: strong sign-in (passkeys, two-step sign-in with an authenticator app, recovery codes). */
export const passkeys = {
  'passkey.login.button': 'Sign in with a passkey',
  'passkey.working': 'Waiting for your passkey…',
  'passkey.reauth.button': 'Confirm with a passkey',
  'passkey.reauth.noPassword':
    'Your account has no password: confirm it is you with one of your passkeys.',
  'passkey.error.generic':
    'The passkey did not work. Please try again, or use another way to sign in.',
  'passkey.error.cancelled': 'Cancelled: nothing was changed.',
  'passkey.error.unsupported': 'This browser cannot use passkeys.',
  'passkey.error.rate-limited': 'Too many attempts. Please try again later.',
  'passkey.error.challenge-missing': 'The passkey request was not found. Please try again.',
  'passkey.error.challenge-unknown': 'The passkey request was not found. Please try again.',
  'passkey.error.challenge-expired':
    'The passkey request expired after 5 minutes. Please try again.',
  'passkey.error.challenge-used': 'This passkey request was already used. Please try again.',
  'passkey.error.malformed': 'The browser sent an answer we cannot read. Please try again.',
  'passkey.error.origin-mismatch':
    'The passkey was used on a different web address than this service. Open this site at its usual address and try again.',
  'passkey.error.rp-id-mismatch':
    'The passkey was made for a different site. Use a passkey made for this site.',
  'passkey.error.unknown-credential':
    'This passkey is not registered here. It may have been removed: sign in another way.',
  'passkey.error.reset-required':
    'Your account was secured after a report that a sign-in was not you. Set a new password with the link we emailed you; then your passkeys work again.',
  'passkey.error.counter-regression':
    'This passkey looks copied (cloned), so it was refused. Sign in another way and check your passkeys.',
  'passkey.error.invalid-signature':
    'The passkey’s answer could not be verified. Please try again.',
  'passkey.error.user-not-verified':
    'Two-step sign-in is on, so the passkey must check it is you (PIN, fingerprint or face). Set that up on the key, or sign in with your password.',
  'passkey.error.already-registered': 'This passkey is already registered.',
  'passkey.error.last':
    'This passkey is your only way to sign in. Add another passkey or set a password first.',

  'passkey.section': 'Passkeys',
  'passkey.lead':
    'A passkey lets you sign in with your fingerprint, face, screen lock or a security key instead of a password. It cannot be guessed, and it does not work on fake sites.',
  'passkey.none': 'You have no passkeys yet.',
  'passkey.col.name': 'Name',
  'passkey.col.created': 'Added',
  'passkey.col.lastUsed': 'Last used',
  'passkey.never': 'never',
  'passkey.synced': 'synced',
  'passkey.rename': 'Rename',
  'passkey.rename.label': 'New name for “{name}”',
  'passkey.remove': 'Remove',
  'passkey.removeConfirm.title': 'Remove the passkey “{name}”?',
  'passkey.removeConfirm.body':
    'You will no longer be able to sign in here with this passkey. It stays on your device or in your password manager until you delete it there. We will email you about the change.',
  'passkey.removeConfirm.button': 'Yes, remove this passkey',
  'passkey.removeConfirm.back': 'Back to sign-in and security',
  'passkey.add.name': 'Name of the new passkey (optional)',
  'passkey.add.nameHint':
    'For example “Phone” or “Work laptop”. Left empty, it is named after this browser.',
  'passkey.add.submit': 'Add a passkey',
  'passkey.add.reauth': 'You will be asked to confirm it is you first.',

  'twoFactor.section': 'Two-step sign-in',
  'twoFactor.lead':
    'After your password we also ask for a code from an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator, Aegis or 2FAS. Signing in with a passkey needs no code.',
  'twoFactor.off': 'Two-step sign-in is off.',
  'twoFactor.on': 'Two-step sign-in is on since {when}.',
  'twoFactor.enable': 'Turn on two-step sign-in',
  'twoFactor.disable': 'Turn off two-step sign-in',
  'twoFactor.codesLeft': 'Recovery codes left: {count} of 10.',
  'twoFactor.disableConfirm.title': 'Turn off two-step sign-in?',
  'twoFactor.disableConfirm.since': 'On since',
  'twoFactor.disableConfirm.codes': 'Recovery codes',
  'twoFactor.disableConfirm.codesLeft': '{count} of 10 unused',
  'twoFactor.disableConfirm.body':
    'Signing in with your password will no longer ask for a code. The account in your authenticator app stops working and every recovery code is deleted: to turn it on again, you set up the app anew. We will email you about the change.',
  'twoFactor.regenerate': 'Make new recovery codes',
  'twoFactor.code': 'Code',
  'twoFactor.error.invalid':
    'That code is not right. Check that the time on your phone is correct, and type the newest code.',
  'twoFactor.error.used': 'That code was already used. Wait for the next one.',
  'twoFactor.error.setupExpired': 'That setup has expired. Please start again.',

  'twoFactor.setup.title': 'Set up your authenticator app',
  'twoFactor.setup.scan': '1. Open your authenticator app, add an account and scan this QR code.',
  'twoFactor.setup.qrAlt': 'QR code that adds this account to an authenticator app',
  'twoFactor.setup.manual': 'Cannot scan? Type this key into the app instead:',
  'twoFactor.setup.enter': '2. Enter the 6-digit code the app now shows.',
  'twoFactor.setup.submit': 'Turn on',

  'twoFactor.codes.title': 'Your recovery codes',
  'twoFactor.codes.lead':
    'If you lose your phone, each of these codes lets you sign in once instead of an app code. Save them now: print them or keep them in a password manager. They will not be shown again.',
  'twoFactor.codes.enabled': 'Two-step sign-in is now on.',
  'twoFactor.codes.done': 'I have saved them',

  'twoFactor.login.title': 'Enter your code',
  'twoFactor.login.lead':
    'Open your authenticator app and enter the 6-digit code for this account. No phone at hand? Enter one of your recovery codes.',
  'twoFactor.login.submit': 'Continue',
  'twoFactor.login.expired': 'This sign-in took too long. Please sign in again.',

  'mail.passkeyAdded.subject': 'A passkey was added to your account',
  'mail.passkeyAdded.body':
    'The passkey “{passkey}” was added to your account ({when}). It can now be used to sign in.',
  'mail.passkeyAdded.notMe':
    'If you did not add it, use the link below: it removes this passkey, ends every session and asks for a new password.',
  'mail.passkeyRemoved.subject': 'A passkey was removed from your account',
  'mail.passkeyRemoved.body': 'The passkey “{passkey}” was removed from your account ({when}).',
  'mail.twoFactorEnabled.subject': 'Two-step sign-in is on',
  'mail.twoFactorEnabled.body':
    'Two-step sign-in with an authenticator app was turned on for your account ({when}).',
  'mail.twoFactorDisabled.subject': 'Two-step sign-in is off',
  'mail.twoFactorDisabled.body':
    'Two-step sign-in was turned off for your account ({when}). Signing in with a password now needs no code.',
  'mail.recoveryCodesNew.subject': 'New recovery codes for your account',
  'mail.recoveryCodesNew.body':
    'New recovery codes were made for your account ({when}). The old ones no longer work.',
  'mail.recoveryCodeUsed.subject': 'A recovery code was used to sign in',
  'mail.recoveryCodeUsed.body':
    'A recovery code was used instead of an app code to sign in to your account ({when}).',
  'mail.recoveryCodeUsed.left':
    'Recovery codes left: {count}. You can make new ones under “Sign-in and security”.',
  'mail.recoveryCodeUsed.none':
    'That was your last recovery code. Please make new ones under “Sign-in and security” now.',
};
