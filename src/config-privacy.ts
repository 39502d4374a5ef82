import { z } from 'zod';

/**
 * The privacy settings (issue 19): who answers for the data and where to complain, who else
 * processes it, and whether any cookie may outlive the browser. Read by config.ts, which
 * merges `privacyEnv` into its schema and refuses production without `missingInProduction`.
 */

/** The controller (GDPR art. 4(7)) and the supervisory authority a person may complain to. */
export type Controller = {
  name: string;
  address: string;
  email: string;
  /** The data protection officer's address, where there is one. */
  dpoEmail?: string;
  authority: { name: string; url: string };
  /** True when any of it is the demo's example, never in production. */
  isExample: boolean;
};

/**
 * Someone who processes the data on the controller's behalf. `kind` marks an entry the
 * service adds itself (its purpose and location are then shown in the reader's language).
 */
export type Processor = { name: string; purpose: string; location: string; kind?: 'resend' };

/** The example school of the embedded demo: plainly an example, never a real organisation. */
export const exampleController = {
  name: 'Example Language School Ltd',
  address: '1 Example Street, Example City',
  email: 'privacy@example.org',
  authority: {
    name: 'your national data protection authority',
    url: 'https://edpb.europa.eu/about-edpb/about-edpb/members_en',
  },
} as const;

const flag = z.string().transform((v) => v !== '' && v !== '0' && v.toLowerCase() !== 'false');
const text = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'one line of text');

/** `Name|purpose|location;Name|purpose|location`: every entry has three non-empty fields. */
const processorList = z.string().transform((value, ctx) => {
  const entries = value
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const parsed: Processor[] = [];
  for (const entry of entries) {
    const fields = entry.split('|').map((f) => f.trim());
    if (fields.length !== 3 || fields.some((f) => f === '' || f.length > 200)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${entry.slice(0, 60)}" is not "name|purpose|location" (entries separated by ";")`,
      });
      return z.NEVER;
    }
    const [name, purpose, location] = fields as [string, string, string];
    parsed.push({ name, purpose, location });
  }
  return parsed;
});

/** The settings' schema, spread into config.ts's. */
export const privacyEnv = {
  CONTROLLER_NAME: text(200).optional(),
  CONTROLLER_ADDRESS: text(300).optional(),
  CONTROLLER_EMAIL: z.email().optional(),
  CONTROLLER_DPO_EMAIL: z.email().optional(),
  SUPERVISORY_AUTHORITY: text(200).optional(),
  SUPERVISORY_AUTHORITY_URL: z.url({ protocol: /^https?$/ }).optional(),
  PROCESSORS: processorList.optional(),
  PERSISTENT_COOKIES: flag.default(true),
};

type PrivacyEnv = {
  [K in keyof typeof privacyEnv]?: z.output<(typeof privacyEnv)[K]>;
} & { PERSISTENT_COOKIES: boolean; RESEND_API_KEY?: string };

const required = [
  'CONTROLLER_NAME',
  'CONTROLLER_ADDRESS',
  'CONTROLLER_EMAIL',
  'SUPERVISORY_AUTHORITY',
  'SUPERVISORY_AUTHORITY_URL',
] as const;

/** The settings production cannot start without, every one that is unset. */
export const missingInProduction = (e: PrivacyEnv) => required.filter((name) => !e[name]);

/** Outside production, each unset part comes from the example school. */
function controllerOf(e: PrivacyEnv): Controller {
  return {
    name: e.CONTROLLER_NAME ?? exampleController.name,
    address: e.CONTROLLER_ADDRESS ?? exampleController.address,
    email: e.CONTROLLER_EMAIL ?? exampleController.email,
    dpoEmail: e.CONTROLLER_DPO_EMAIL,
    authority: {
      name: e.SUPERVISORY_AUTHORITY ?? exampleController.authority.name,
      url: e.SUPERVISORY_AUTHORITY_URL ?? exampleController.authority.url,
    },
    isExample: missingInProduction(e).length > 0,
  };
}

/**
 * The configured processors, and Resend whenever mail goes through it and the list does not
 * already name it: what the deployment really uses cannot be left off by forgetting it.
 */
function processorsOf(e: PrivacyEnv): Processor[] {
  const listed = e.PROCESSORS ?? [];
  const namesResend = listed.some((p) => /resend/i.test(p.name));
  return e.RESEND_API_KEY && !namesResend
    ? [...listed, { name: 'Resend', purpose: 'mail delivery', location: 'USA', kind: 'resend' }]
    : listed;
}

export function privacySettings(e: PrivacyEnv) {
  return {
    controller: controllerOf(e),
    processors: processorsOf(e),
    /** False: no cookie carries Max-Age or Expires, and "remember me" is gone. */
    persistentCookies: e.PERSISTENT_COOKIES,
  };
}
