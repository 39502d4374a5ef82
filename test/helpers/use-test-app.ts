import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from './test-app';

export type TestAppOptions = NonNullable<Parameters<typeof createTestApp>[0]>;

/**
 * One test app for the file (or the `describe` it is called in): created in `beforeAll`,
 * closed in `afterAll`. The handle is usable right away wherever a `TestApp` goes, since
 * every property is read from the app of the moment; reading one before `beforeAll` has run
 * throws instead of handing out `undefined`.
 *
 * `options` may be a function, for set-up that must itself wait (a logger that opens a stream).
 * Hooks the file registers after this call run after the app exists and, as vitest runs
 * `afterAll` hooks in reverse, finish before it is closed.
 */
export function useTestApp(
  options: TestAppOptions | (() => TestAppOptions | Promise<TestAppOptions>) = {},
): TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await createTestApp(typeof options === 'function' ? await options() : options);
  });
  afterAll(async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  });
  return new Proxy({} as TestApp, {
    get(_, key) {
      // Not a promise: `await t` or returning it from an async function must not look for `then`.
      if (key === 'then') return undefined;
      if (!current)
        throw new Error(`test app: t.${String(key)} read outside beforeAll…afterAll (useTestApp)`);
      return Reflect.get(current, key) as unknown;
    },
    has: (_, key) => !!current && key in current,
    // So `{ ...t, app }` copies the app of the moment, as it would from a plain TestApp.
    ownKeys: () => (current ? Reflect.ownKeys(current) : []),
    getOwnPropertyDescriptor(_, key) {
      const found = current && Reflect.getOwnPropertyDescriptor(current, key);
      // A proxy may only report a property its (empty) target could still gain: configurable.
      return found && { ...found, configurable: true };
    },
  });
}
