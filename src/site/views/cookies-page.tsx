import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator } from '../../i18n';
import { renderPage } from '../../views/layout';
import { sessionCookieName } from '../../http/session-cookie';
import { localeCookieName } from '../../http/locale';

export function cookiesPage(c: Context<AppEnv>) {
  const t = translator(c.get('locale'));
  const rows = [
    [
      sessionCookieName(c.get('deps').config),
      t('cookies.session.purpose'),
      t('cookies.session.lifetime'),
    ],
    [localeCookieName, t('cookies.lang.purpose'), t('cookies.lang.lifetime')],
  ];
  return renderPage(
    c,
    { title: t('cookies.title') },
    <article class="prose">
      <h1>{t('cookies.title')}</h1>
      <p>{t('cookies.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('cookies.col.name')}</th>
            <th scope="col">{t('cookies.col.purpose')}</th>
            <th scope="col">{t('cookies.col.lifetime')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, purpose, lifetime]) => (
            <tr>
              <td>
                <code>{name}</code>
              </td>
              <td>{purpose}</td>
              <td>{lifetime}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('cookies.none')}</p>
    </article>,
  );
}
