import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type MessageKey, type T } from '../../i18n';
import type { PersonSummary } from '../people';
import { PersonBadges } from './person-badges';
import { Pager, renderStaffPage } from '../../views/staff-frame';

export type SearchState = {
  query?: string;
  result?: { people: PersonSummary[]; page: number; hasMore: boolean };
};

/** A GET form, so results can be bookmarked. */
function SearchForm(p: { t: T; query?: string }) {
  return (
    <section class="card" aria-labelledby="search-h">
      <h2 id="search-h">{p.t('staff.search.title')}</h2>
      <form method="get" action="/staff" role="search">
        <div class="field">
          <label for="f-query">{p.t('staff.search.label')}</label>
          <p class="hint" id="f-query-hint">
            {p.t('staff.search.hint')}
          </p>
          <input
            id="f-query"
            name="query"
            type="search"
            value={p.query ?? ''}
            maxlength={100}
            aria-describedby="f-query-hint"
          />
        </div>
        <div class="form-actions">
          <button type="submit" class="button">
            {p.t('staff.search.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SearchResults(p: { t: T; query?: string; result: NonNullable<SearchState['result']> }) {
  return (
    <section class="card" aria-labelledby="results-h">
      <h2 id="results-h">{p.t('staff.search.results')}</h2>
      {p.result.people.length === 0 ? (
        <p>{p.t('staff.search.empty', { query: p.query ?? '' })}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.t('staff.col.name')}</th>
                <th scope="col">{p.t('staff.col.email')}</th>
                <th scope="col">{p.t('staff.col.role')}</th>
                <th scope="col">{p.t('staff.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {p.result.people.map((person) => (
                <tr>
                  <td>
                    <a href={`/staff/users/${person.id}`}>{person.name}</a>
                  </td>
                  <td>{person.email}</td>
                  <td>{p.t(`staff.role.${person.role}` as MessageKey)}</td>
                  <td>
                    <PersonBadges t={p.t} person={person} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        t={p.t}
        path="/staff"
        params={{ query: p.query ?? '' }}
        page={p.result.page}
        hasMore={p.result.hasMore}
      />
    </section>
  );
}

/** /staff: the search form and one page of results. */
export function searchPage(c: Context<AppEnv>, s: SearchState) {
  const t = translator(c.get('locale'));
  return renderStaffPage(
    c,
    { title: t('staff.search.title'), section: 'search' },
    <>
      <h1>{t('staff.console')}</h1>
      {c.get('auth')?.user.role === 'staff' ? <p class="lead">{t('staff.search.scope')}</p> : null}
      <SearchForm t={t} query={s.query} />
      {s.result ? <SearchResults t={t} query={s.query} result={s.result} /> : null}
    </>,
  );
}
