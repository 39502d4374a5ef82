/** English: sign-in, registration and password pages. */
export const auth = {
  'password.too-short': 'Use at least 8 characters.',
  'password.too-long': 'Use at most 128 characters.',
  'password.common':
    'This password is one of the most common ones and easy to guess. Choose another.',
  'password.same-as-identity': 'Do not use your email address or name as the password.',
  'password.breached': 'This password has appeared in a data breach. Choose another.',

  'form.required': 'Fill in this field.',
  'form.invalidEmail': 'Enter an email address like name@example.com.',
  'form.fixErrors': 'Please correct the fields marked below.',
  'register.passwordCleared': 'For your safety we never send a password back: type it again.',
  'form.cancel': 'Cancel',
  'form.save': 'Save changes',
  'form.saved': 'Your changes are saved.',
  'error.rateLimited': 'Too many attempts. Please try again in {minutes} min.',

  'register.title': 'Create an account',
  'register.lead': 'You will get an email to confirm your address.',
  'register.name': 'Your name',
  'register.email': 'Email address',
  'register.password': 'Password',
  'register.passwordHint':
    'At least 8 characters. A few unrelated words are easy to remember and hard to guess.',
  'register.acceptPolicy': 'I have read and accept the',
  'register.policyLink': 'privacy policy',
  'register.confirmAge': 'I am at least {age} years old.',
  'register.mustAccept': 'Please accept the privacy policy to create an account.',
  'register.mustConfirmAge': 'Please confirm your age.',
  'register.submit': 'Create account',
  'register.haveAccount': 'Already have an account?',
  'register.signIn': 'Sign in',
  'register.sent.title': 'Check your email',
  'register.sent.body':
    'We sent a link to {email}. Open it to confirm your address and finish creating your account.',
  'register.sent.spam':
    'No email within a few minutes? Check the spam folder, or ask for a new link.',

  'login.title': 'Sign in',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.remember': 'Keep me signed in on this device',
  'login.submit': 'Sign in',
  'login.forgot': 'Forgot your password?',
  'login.noAccount': 'New here?',
  'login.register': 'Create an account',
  'login.error.invalid': 'The email or password is not right.',
  'login.error.rateLimited':
    'Too many attempts. Please try again in {minutes} min, or set a new password.',
  'login.error.resetRequired':
    'For your safety, this account needs a new password before you can sign in.',
  'login.error.unverified': 'Please confirm your email address first: open the link we sent you.',
  'login.notice.signed-out': 'You are signed out.',
  'login.notice.password-reset': 'Your new password is set. Please sign in.',
  'login.notice.email-verified': 'Your email address is confirmed. Please sign in.',
  'login.notice.secured': 'Your account is secured.',

  'verify.title': 'Confirm your email address',
  'verify.body':
    'Enter the password you chose when you registered: this confirms your address and signs you in.',
  'verify.button': 'Confirm and sign in',
  'verify.wrongPassword':
    'That is not the password chosen when this link was sent. Try again, or choose a new password below.',
  'verify.notMine': 'Did you not register, or forgot the password?',
  'verify.newPassword': 'Choose a new password',
  'verify.resend': 'Send a new link',
  'verify.resent': 'If this address has an unconfirmed account, a new link is on its way.',

  'token.invalid': 'This link is not valid. Please check that you copied it completely.',
  'token.expired': 'This link has expired. Please ask for a new one.',
  'token.used': 'This link was already used.',
  'token.unusable': 'This link is not valid any more: it has expired or was already used.',

  'forgot.title': 'Forgot your password?',
  'forgot.lead': 'Enter your email address and we will send you a link to set a new password.',
  'forgot.submit': 'Send the link',
  'forgot.sent':
    'If an account uses this address, a link to set a new password is on its way. It works for one hour.',
  'forgot.back': 'Back to sign-in',

  'reset.title': 'Set a new password',
  'reset.password': 'New password',
  'reset.sessions': 'Setting a new password signs you out on every device.',
  'reset.submit': 'Set the new password',
  'reset.again': 'Ask for a new link',

  'reauth.title': 'Confirm it is you',
  'reauth.lead': 'This is a sensitive action. Please enter your password again.',
  'reauth.submit': 'Continue',
  'reauth.wrong': 'The password is not right.',

  'notMe.title': 'Secure my account',
  'notMe.body':
    'If you did not do what the email described, press the button: every session of your account will end and you will need to set a new password.',
  'notMe.button': 'End every session and require a new password',
  'notMe.done': 'Done. Every session has ended. We emailed you a link to set a new password.',

  'emailConfirm.title': 'Confirm your new email address',
  'emailConfirm.body': 'Press the button to start using this address for your account.',
  'emailConfirm.button': 'Confirm the new address',
  'emailConfirm.done': 'Your account now uses {email}.',
  'emailConfirm.taken': 'That address is now used by another account, so nothing was changed.',

  // Two-step sign-in on a phone: open the app from the page, copy the key, keep the codes.
  'twoFactor.setup.openApp': 'Open in the authenticator app on this phone',
  'twoFactor.copy.key': 'Copy the key',
  'twoFactor.copy.codes': 'Copy the codes',
  'twoFactor.copy.done': 'Copied.',
  'twoFactor.copy.failed': 'Could not copy. Select the text and copy it yourself.',
  'twoFactor.codes.download': 'Download as a text file',
  'twoFactor.codes.file.title': '{school}: recovery codes for {email}',
  'twoFactor.codes.file.made': 'Made on {when}.',
  'twoFactor.codes.file.use':
    'Each code signs in once instead of a code from your authenticator app. Keep this file somewhere safe: with it and your password, anyone can sign in.',
  'twoFactor.login.appLabel': 'Code from the app',
  'twoFactor.login.useRecovery': 'Use a recovery code instead',
  'twoFactor.login.useApp': 'Use a code from the app instead',
  'twoFactor.login.recoveryLead':
    'Enter one of the recovery codes you saved when you turned on two-step sign-in. Each one works once.',
  'twoFactor.login.recoveryLabel': 'Recovery code',
  'twoFactor.login.recoveryHint':
    'Four groups of four letters and digits, such as abcd-2345-efgh-6723.',
};
