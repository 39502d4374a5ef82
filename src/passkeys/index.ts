/**
 * Passkeys (WebAuthn): adding, naming and removing them, and signing in or re-authenticating
 * with one. Built on auth's sign-in; the cabinet and re-authentication use it through here.
 */
export { passkeysApi } from './api';
export { passkeyPageRoutes } from './pages';
export { verifyPasskeyForSession } from './authentication';
export { listPasskeys, type PasskeyRow } from './credentials';
export { passkeyProblem } from './failures';
export { authenticationResponseSchema } from './schemas';
export { PasskeyButton } from './views/passkey-button';
export { PasskeysSection } from './views/passkeys-section';
export { challengeTtlMs } from './relying-party';
