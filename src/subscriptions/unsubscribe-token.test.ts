import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const newKey = () =>
  crypto.subtle.importKey(
    'raw',
    crypto.getRandomValues(new Uint8Array(32)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
const userId = '7f1c2b9e-3d4a-4c5b-8e6f-0a1b2c3d4e5f';

describe('unsubscribe tokens', () => {
  it('name the person and the list, and are the same every time (nothing is stored)', async () => {
    const key = await newKey();
    const token = await signUnsubscribeToken(key, { userId, list: 'news' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(await signUnsubscribeToken(key, { userId, list: 'news' })).toBe(token);
    expect(await verifyUnsubscribeToken(key, token)).toEqual({ userId, list: 'news' });
    expect(await signUnsubscribeToken(key, { userId, list: 'lessons' })).not.toBe(token);
  });

  it('refuse another key, any changed character, and malformed input', async () => {
    const key = await newKey();
    const token = await signUnsubscribeToken(key, { userId, list: 'news' });
    expect(await verifyUnsubscribeToken(await newKey(), token)).toBeNull();
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      const changed = token.slice(0, i) + (token[i] === 'x' ? 'y' : 'x') + token.slice(i + 1);
      expect(await verifyUnsubscribeToken(key, changed), changed).toBeNull();
    }
    for (const bad of [
      '',
      '.',
      'a.b',
      token + '.x',
      token.replace('.', ''),
      ' ' + token,
      token.repeat(3),
    ]) {
      expect(await verifyUnsubscribeToken(key, bad)).toBeNull();
    }
  });

  it('will not sign what is not a user id and a list slug', async () => {
    const key = await newKey();
    await expect(signUnsubscribeToken(key, { userId: 'nope', list: 'news' })).rejects.toThrow();
    await expect(signUnsubscribeToken(key, { userId, list: 'News!' })).rejects.toThrow();
  });
});
