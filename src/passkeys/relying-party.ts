import type { Config } from '../config';

export type RelyingParty = {
  /** The RP ID: APP_URL's host name, without port (WebAuthn scopes credentials to it). */
  id: string;
  /** The one origin a ceremony may come from: APP_URL's scheme, host and port. */
  origin: string;
  /** Shown by the authenticator when a passkey is made. */
  name: string;
};

/**
 * Everything WebAuthn checks is derived from APP_URL, the same place every emailed link and
 * the CSRF origin check come from, so there is one address to get right, not three.
 */
export function relyingParty(config: Pick<Config, 'appOrigin' | 'schoolName'>): RelyingParty {
  return {
    id: new URL(config.appOrigin).hostname,
    origin: config.appOrigin,
    name: config.schoolName,
  };
}

/** Challenges live five minutes: long enough to find a security key, short enough to be useless later. */
export const challengeTtlMs = 5 * 60_000;
