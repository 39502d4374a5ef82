import type { T } from '../../i18n';
import type { PageDates } from '../../views/dates';
import { Field, Notice } from '../../views/components';
import { translateError } from '../../views/translate-error';

type RestrictionCardProps = {
  restriction: { at: Date; reason: string | null } | null;
  reasonValue?: string;
  reasonError?: string;
  t: T;
  when: PageDates;
};

/** Restriction of processing: the banner and Lift button while on, the reason form while off. */
export function RestrictionCard(p: RestrictionCardProps) {
  const { t } = p;
  return (
    <section class="card" aria-labelledby="restriction-h" id="restriction">
      <h2 id="restriction-h">{t('restriction.heading')}</h2>
      <p>{t('restriction.lead')}</p>
      {p.restriction ? (
        <>
          <Notice kind="info">
            {t('restriction.active', { when: p.when.dateTime(p.restriction.at) })}
            {p.restriction.reason
              ? ` ${t('restriction.yourReason')} “${p.restriction.reason}”`
              : ''}
          </Notice>
          <form method="post" action="/account/privacy/restriction/lift">
            <button type="submit" class="button">
              {t('restriction.lift')}
            </button>
          </form>
        </>
      ) : (
        <form method="post" action="/account/privacy/restriction">
          <Field
            name="reason"
            label={t('restriction.reason')}
            hint={t('restriction.reason.hint')}
            value={p.reasonValue}
            error={translateError(t, p.reasonError)}
            textarea
            required
            maxlength={1000}
          />
          <div class="form-actions">
            <button type="submit" class="button">
              {t('restriction.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
