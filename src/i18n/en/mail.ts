/** English: every email. */
export const mail = {
  'mail.greeting': 'Hello {name},',
  'mail.linkFallback': 'If the button does not work, copy this address into your browser:',
  'mail.footer.service':
    'This is a service message about your account. It is part of the service and cannot be unsubscribed from.',
  'mail.notMe.lead': 'Wasn’t you?',
  'mail.notMe.link': 'Secure my account: end every session and require a new password',

  'mail.verify.subject': 'Confirm your email for {school}',
  'mail.verify.greeting': 'Hello,',
  'mail.verify.body':
    'Please confirm that this is your email address to finish creating your account. The link opens a page where you enter the password you chose when you registered.',
  'mail.verify.expiry': 'The link works for 24 hours.',
  'mail.verify.action': 'Confirm my email',
  'mail.verify.footer':
    'If you did not create an account, ignore this mail: nothing happens without the link.',

  'mail.alreadyRegistered.subject': 'Someone tried to register with your address',
  'mail.alreadyRegistered.body':
    'Someone, perhaps you, tried to create a new account with this email address. You already have an account, so no new one was created.',
  'mail.alreadyRegistered.ignore':
    'If you forgot your password, you can set a new one. If it was not you, you can ignore this mail.',
  'mail.alreadyRegistered.action': 'Set a new password',

  'mail.reset.subject': 'Set a new password',
  'mail.reset.body': 'We received a request to set a new password for your account.',
  'mail.reset.expiry':
    'The link works once, for one hour. Setting a new password signs you out everywhere.',
  'mail.reset.ignore':
    'If you did not ask for this, ignore this mail: your password stays as it is.',
  'mail.reset.action': 'Set a new password',

  'mail.passwordChanged.subject': 'Your password was changed',
  'mail.passwordChanged.body': 'The password of your account was just changed.',
  'mail.passwordChanged.bodyReset':
    'A new password was just set for your account with a reset link.',
  'mail.passwordChanged.sessions': 'Other devices that were signed in have been signed out.',

  'mail.emailChange.subject': 'Confirm your new email address',
  'mail.emailChange.body':
    'Please confirm that you want to use this address for your account from now on.',
  'mail.emailChange.ignore':
    'If you did not ask for this, ignore this mail: nothing changes without the link.',
  'mail.emailChange.action': 'Confirm the new address',
  'mail.emailChangeTaken.body':
    'Someone asked to move an account to this address, but an account with this address already exists, so nothing was changed.',
  'mail.emailChanged.subject': 'The email address of your account was changed',
  'mail.emailChanged.body':
    'Your account now uses {email}. Mail about your account will go there from now on.',

  'mail.newSignIn.subject': 'New sign-in to your account',
  'mail.newSignIn.body':
    'Your account was just signed in to from a device we have not seen before.',
  'mail.newSignIn.details': 'When: {when}. Address: {ip}. Device: {device}.',

  'mail.lockout.subject': 'Sign-in to your account is paused',
  'mail.lockout.body':
    'There were too many wrong passwords for your account, so signing in with a password is paused for about {minutes} minutes.',
  'mail.lockout.reset': 'If this was you and you forgot the password, you can set a new one now.',

  'mail.notMeDone.subject': 'Your account is secured',
  'mail.notMeDone.body':
    'As you asked, every session of your account has ended and the old password no longer works. Set a new password to sign in again.',
};
