/**
 * English: the titles of the API's problem+json answers, by problem type. English answers keep
 * the title the route wrote (it may say more); these are the reference for the translations,
 * which replace it when the request's language is another (src/http/problem.ts).
 */
export const problems = {
  'problem.bad-origin': 'Cross-site request refused',
  'problem.booking-cancelled': 'This booking is already cancelled',
  'problem.code-used': 'This code was already used; wait for the next one',
  'problem.cross-site': 'Open this from our own pages',
  'problem.email-not-verified': 'Confirm your email address first',
  'problem.email-taken': 'That address is now used by another account',
  'problem.forbidden': 'You may not do this',
  'problem.invalid-code': 'The code is not right',
  'problem.invalid-credentials': 'The email or password is not right',
  'problem.last-sign-in-method': 'This passkey is your only way to sign in',
  'problem.last-sign-in-method.detail': 'Add another passkey or set a password first.',
  'problem.mandatory-list':
    'The service list carries mail about your account; it cannot be left or used for announcements',
  'problem.not-found': 'Not found',
  'problem.not-restricted': 'Processing of this person’s data is not restricted',
  'problem.not-staff': 'This account is not a staff member',
  'problem.own-role': 'You cannot change your own role',
  'problem.password-reset-required': 'Set a new password with the emailed link',
  'problem.policy-acceptance-required': 'Accept the current privacy policy to continue',
  'problem.policy-version-exists': 'That version is already published',
  'problem.policy-version-not-current': 'That version is neither in force nor upcoming',
  'problem.processing-restricted': 'Processing of this person’s data is restricted',
  'problem.processing-restricted.detail':
    'The person restricted processing of their data; their data cannot be changed until the restriction is lifted. Cancelling a lesson is still possible.',
  'problem.rate-limited': 'Too many attempts; try again later',
  'problem.reauth-required': 'Confirm it is you: sign in again to continue',
  'problem.too-large': 'The request body is too large',
  'problem.two-factor-expired': 'This sign-in has expired or was finished; sign in again',
  'problem.two-factor-off': 'Two-step sign-in is not on',
  'problem.two-factor-on': 'Two-step sign-in is already on',
  'problem.two-factor-setup-missing': 'Start with POST /me/2fa/setup (a setup lasts 30 minutes)',
  'problem.two-factor-unavailable':
    'Authenticator codes cannot be checked right now; a recovery code still works',
  'problem.unauthenticated': 'Sign in to continue',
  'problem.validation': 'The request is not valid',
  'problem.weak-password': 'Choose another password',
  'problem.wrong-password': 'The current password is not right',
};
