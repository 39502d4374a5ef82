import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type MessageKey } from '../../i18n';
import type { PersonSummary } from '../people';
import { PersonBadges } from './person-badges';
import { Pager, renderStaffPage } from '../../views/staff-frame';

export type SearchState = {
  query?: string;
  result?: { people: PersonSummary[]; page: number; hasMore: boolean };
};

/** /staff: the search form (a GET form, so results can be bookmarked) and one page of results. */
export function searchPage(c: Context<AppEnv>, s: SearchState) {
  const t = translator(c.get('locale'));
  return renderStaffPage(
    c,
    { title: t('staff.search.title'), section: 'search' },
    <>
      <h1>{t('staff.console')}</h1>
      <section class="card" aria-labelledby="search-h">
        <h2 id="search-h">{t('staff.search.title')}</h2>
        <form method="get" action="/staff" role="search">
          <div class="field">
            <label for="f-query">{t('staff.search.label')}</label>
            <p class="hint" id="f-query-hint">
              {t('staff.search.hint')}
            </p>
            <input
              id="f-query"
              name="query"
              type="search"
              value={s.query ?? ''}
              maxlength={100}
              aria-describedby="f-query-hint"
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="button">
              {t('staff.search.submit')}
            </button>
          </div>
        </form>
      </section>
      {s.result ? (
        <section class="card" aria-labelledby="results-h">
          <h2 id="results-h">{t('staff.search.results')}</h2>
          {s.result.people.length === 0 ? (
            <p>{t('staff.search.empty', { query: s.query ?? '' })}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('staff.col.name')}</th>
                    <th scope="col">{t('staff.col.email')}</th>
                    <th scope="col">{t('staff.col.role')}</th>
                    <th scope="col">{t('staff.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.result.people.map((p) => (
                    <tr>
                      <td>
                        <a href={`/staff/users/${p.id}`}>{p.name}</a>
                      </td>
                      <td>{p.email}</td>
                      <td>{t(`staff.role.${p.role}` as MessageKey)}</td>
                      <td>
                        <PersonBadges t={t} person={p} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            t={t}
            path="/staff"
            params={{ query: s.query ?? '' }}
            page={s.result.page}
            hasMore={s.result.hasMore}
          />
        </section>
      ) : null}
    </>,
  );
}
