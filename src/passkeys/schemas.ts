import { z } from '@hono/zod-openapi';

const b64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'base64url');

// The body is strict; the W3C structures inside pass unknown members through (browsers add
// new ones, e.g. publicKeyAlgorithm), with every string capped and the body limit on top.
const extensions = z.record(z.string(), z.unknown()).optional();
const attachment = z.enum(['platform', 'cross-platform']).nullish();

/** What `navigator.credentials.create()` gives back, as JSON (`@simplewebauthn/browser`'s shape). */
export const registrationResponseSchema = z
  .looseObject({
    id: b64url(1024),
    rawId: b64url(1024),
    type: z.literal('public-key'),
    response: z.looseObject({
      clientDataJSON: b64url(8192),
      attestationObject: b64url(32768),
      transports: z.array(z.string().max(32)).max(10).optional(),
    }),
    clientExtensionResults: extensions.default({}),
    authenticatorAttachment: attachment,
  })
  .openapi('PasskeyRegistrationResponse');

/** What `navigator.credentials.get()` gives back, as JSON. */
export const authenticationResponseSchema = z
  .looseObject({
    id: b64url(1024),
    rawId: b64url(1024),
    type: z.literal('public-key'),
    response: z.looseObject({
      clientDataJSON: b64url(8192),
      authenticatorData: b64url(8192),
      signature: b64url(1024),
      userHandle: z
        .string()
        .max(256)
        .regex(/^[A-Za-z0-9_-]*$/)
        .nullish(),
    }),
    clientExtensionResults: extensions.default({}),
    authenticatorAttachment: attachment,
  })
  .openapi('PasskeyAuthenticationResponse');

export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;
export type AuthenticationResponse = z.infer<typeof authenticationResponseSchema>;

/** Options for `navigator.credentials.create/get()`, as JSON; documented by the WebAuthn spec. */
export const webauthnOptionsSchema = z.record(z.string(), z.unknown()).openapi('WebAuthnOptions', {
  description:
    'PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON (WebAuthn Level 3)',
});
