import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

/** Issue 19: who is responsible, who else processes the data, and whether cookies persist. */
const production = {
  NODE_ENV: 'production',
  APP_URL: 'https://x.example',
  RESEND_API_KEY: 'k',
};
const controller = {
  CONTROLLER_NAME: 'Kyiv English Club LLC',
  CONTROLLER_ADDRESS: '5 Khreshchatyk Street, Kyiv',
  CONTROLLER_EMAIL: 'privacy@kyiv-english.example',
  SUPERVISORY_AUTHORITY: 'Ukrainian Parliament Commissioner for Human Rights',
  SUPERVISORY_AUTHORITY_URL: 'https://ombudsman.gov.ua/',
};

const messageOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('parseConfig accepted it');
};

describe('parseConfig: the controller and the supervisory authority', () => {
  it('refuses production without them, in one line naming every one missing', () => {
    const message = messageOf(production);
    expect(message).toMatch(
      /^CONTROLLER_NAME, CONTROLLER_ADDRESS, CONTROLLER_EMAIL, SUPERVISORY_AUTHORITY, SUPERVISORY_AUTHORITY_URL: required when NODE_ENV=production/,
    );
    expect(message).not.toContain('\n');
    const { CONTROLLER_EMAIL: _email, SUPERVISORY_AUTHORITY_URL: _url, ...partly } = controller;
    expect(messageOf({ ...production, ...partly })).toMatch(
      /^CONTROLLER_EMAIL, SUPERVISORY_AUTHORITY_URL: required/,
    );
  });

  it('takes them, and the optional data protection officer, in production', () => {
    const c = parseConfig({ ...production, ...controller });
    expect(c.controller).toEqual({
      name: controller.CONTROLLER_NAME,
      address: controller.CONTROLLER_ADDRESS,
      email: controller.CONTROLLER_EMAIL,
      dpoEmail: undefined,
      authority: {
        name: controller.SUPERVISORY_AUTHORITY,
        url: controller.SUPERVISORY_AUTHORITY_URL,
      },
      isExample: false,
    });
    const dpo = parseConfig({
      ...production,
      ...controller,
      CONTROLLER_DPO_EMAIL: 'dpo@x.example',
    });
    expect(dpo.controller.dpoEmail).toBe('dpo@x.example');
  });

  it('outside production, the demo is the example school and says so', () => {
    const c = parseConfig({});
    expect(c.controller).toMatchObject({
      name: 'Example Language School Ltd',
      address: '1 Example Street, Example City',
      email: 'privacy@example.org',
      authority: { url: 'https://edpb.europa.eu/about-edpb/about-edpb/members_en' },
      isExample: true,
    });
  });

  it.each([
    [{ CONTROLLER_EMAIL: 'not an address' }, /^CONTROLLER_EMAIL: /],
    [{ CONTROLLER_DPO_EMAIL: 'nope' }, /^CONTROLLER_DPO_EMAIL: /],
    [{ SUPERVISORY_AUTHORITY_URL: 'javascript:alert(1)' }, /^SUPERVISORY_AUTHORITY_URL: /],
    [{ CONTROLLER_NAME: 'Evil\r\nBcc: x@y.z' }, /^CONTROLLER_NAME: /],
  ])('rejects %o with one line naming the variable', (env, message) => {
    expect(messageOf(env)).toMatch(message);
  });
});

describe('parseConfig: PROCESSORS', () => {
  it('reads "name|purpose|location" entries separated by ";"', () => {
    const c = parseConfig({
      PROCESSORS: ' Hetzner Online GmbH | hosting | Germany (EU) ;Cloudflare|CDN|EU and USA;',
    });
    expect(c.processors).toEqual([
      { name: 'Hetzner Online GmbH', purpose: 'hosting', location: 'Germany (EU)' },
      { name: 'Cloudflare', purpose: 'CDN', location: 'EU and USA' },
    ]);
  });

  it('names Resend whenever it sends the mail, unless the list already does; invents nothing else', () => {
    expect(parseConfig({}).processors).toEqual([]);
    expect(parseConfig({ RESEND_API_KEY: 'k' }).processors).toEqual([
      { name: 'Resend', purpose: 'mail delivery', location: 'USA', kind: 'resend' },
    ]);
    expect(
      parseConfig({ RESEND_API_KEY: 'k', PROCESSORS: 'Cloudflare|CDN|EU and USA' }).processors,
    ).toHaveLength(2);
    expect(
      parseConfig({ RESEND_API_KEY: 'k', PROCESSORS: 'Resend, Inc.|mail|USA' }).processors,
    ).toEqual([{ name: 'Resend, Inc.', purpose: 'mail', location: 'USA' }]);
  });

  it.each(['Hetzner|hosting', 'A|b|c|d', '|hosting|Germany', 'Hetzner||Germany'])(
    'rejects %s with one line naming PROCESSORS',
    (value) => {
      expect(messageOf({ PROCESSORS: value })).toMatch(/^PROCESSORS: .*name\|purpose\|location/);
    },
  );
});

describe('parseConfig: PERSISTENT_COOKIES', () => {
  it('is on by default and off with false or 0', () => {
    expect(parseConfig({}).persistentCookies).toBe(true);
    expect(parseConfig({ PERSISTENT_COOKIES: 'false' }).persistentCookies).toBe(false);
    expect(parseConfig({ PERSISTENT_COOKIES: '0' }).persistentCookies).toBe(false);
    expect(parseConfig({ PERSISTENT_COOKIES: '1' }).persistentCookies).toBe(true);
  });
});
