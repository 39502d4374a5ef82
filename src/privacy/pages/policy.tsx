import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { loadPolicyVersions } from '../policies';
import { policyPage } from '../views/policy-page';

/** /privacy: the public policy page; `?version=` shows an earlier or upcoming text. */
export function policyPageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/privacy', async (c) => {
    const { config } = c.get('deps');
    const policies = await loadPolicyVersions(c.get('deps'), c.req.query('version'));
    return policyPage(c, {
      ...policies,
      schoolName: config.schoolName,
      controller: config.controller,
      processors: config.processors,
      days: {
        ip: config.ipRetentionDays,
        inactive: config.inactiveAccountDays,
        grace: config.deletionGraceDays,
        unverified: config.unverifiedAccountDays,
      },
    });
  });
  return app;
}
