import type { Controller, Processor } from '../../config-privacy';
import type { T } from '../../i18n';
import { controllerLines } from '../../i18n/controller';

/** The line with the authority's address in it gets that address as a link. */
function linked(line: string, url: string) {
  const at = line.indexOf(url);
  if (at < 0) return line;
  return [line.slice(0, at), <a href={url}>{url}</a>, line.slice(at + url.length)];
}

/** Who is responsible for the data and where to complain (issue 19), from configuration. */
export function ControllerSection({ controller, t }: { controller: Controller; t: T }) {
  return (
    <section aria-labelledby="controller-h" id="controller">
      <h2 id="controller-h">{t('controller.heading')}</h2>
      {controllerLines(t, controller).map((line) => (
        <p>{linked(line, controller.authority.url)}</p>
      ))}
      {controller.isExample ? <p class="hint">{t('controller.example')}</p> : null}
    </section>
  );
}

/** The processors' purpose and location: the built-in ones in the reader's language. */
function shown(p: Processor, t: T) {
  return p.kind === 'resend'
    ? { ...p, purpose: t('processors.resend.purpose'), location: t('processors.resend.location') }
    : p;
}

/** Who else processes the data, for what and where; or that nobody does. */
export function ProcessorsTable({ processors, t }: { processors: Processor[]; t: T }) {
  if (processors.length === 0) return <p data-processors="none">{t('processors.none')}</p>;
  return (
    <>
      <p>{t('processors.lead')}</p>
      <div class="table-wrap">
        <table class="stack-sm" data-processors="list">
          <thead>
            <tr>
              <th scope="col">{t('processors.col.name')}</th>
              <th scope="col">{t('processors.col.purpose')}</th>
              <th scope="col">{t('processors.col.location')}</th>
            </tr>
          </thead>
          <tbody>
            {processors.map((raw) => {
              const p = shown(raw, t);
              return (
                <tr>
                  <th scope="row">{p.name}</th>
                  <td data-label={t('processors.col.purpose')}>{p.purpose}</td>
                  <td data-label={t('processors.col.location')}>{p.location}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
