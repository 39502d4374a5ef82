/**
 * Accounts and signing in with a password: registration, email verification, sign-in (with its
 * second step, two-factor), password reset and change, email change, "this wasn't me".
 * Passkeys, re-authentication and the cabinet build on it through this file.
 */
export { authApi } from './api';
export { authPageRoutes, type AuthPageOptions } from './pages';
export { completeSignIn } from './complete-sign-in';
export { accountSubject, addressSubject, authRules, rateSubject } from './rules';
export { authRateLimits } from './rate-policies';
export { notMeLink } from './not-me';
export { changePassword, checkCurrentPassword } from './password-change';
export { confirmEmailChange, requestEmailChange } from './email-change';
export { twoFactorStatus, type TwoFactorStatus } from './two-factor/manage';
export { TwoFactorSection } from './two-factor/views/two-factor-pages';
export { rotateTotpSecrets, sealLegacyTotpSecrets } from './two-factor/at-rest';
