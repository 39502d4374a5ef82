import type { T } from './index';

/** The controller as config-privacy.ts reads it (structurally: i18n does not import config). */
type Controller = {
  name: string;
  address: string;
  email: string;
  dpoEmail?: string;
  authority: { name: string; url: string };
};

/**
 * Who is responsible for the data and where to complain, in the reader's language (issue 19):
 * the same lines on /privacy, at the foot of every mail and in the data export's README.
 */
export function controllerLines(t: T, controller: Controller): string[] {
  const c = controller;
  return [
    t('controller.who', { name: c.name, address: c.address, email: c.email }),
    ...(c.dpoEmail ? [t('controller.dpo', { email: c.dpoEmail })] : []),
    t('controller.complain', { authority: c.authority.name, url: c.authority.url }),
  ];
}
