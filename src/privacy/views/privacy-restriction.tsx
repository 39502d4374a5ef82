import type { T } from '../../i18n';
import type { PageDates } from '../../views/dates';
import { Field, Notice } from '../../views/components';
import { translateError } from '../../views/translate-error';

export type RestrictionDecision = {
  decision: 'upheld' | 'lifted';
  reason: string;
  decidedAt: Date;
};

type RestrictionCardProps = {
  restriction: { at: Date; reason: string | null } | null;
  restrictionDecision: RestrictionDecision | null;
  reasonValue?: string;
  reasonError?: string;
  /** What the person just did here: said in this card, where their eyes and the fragment are. */
  notice?: 'restricted' | 'lifted';
  t: T;
  when: PageDates;
};

/** The school's newest decision on the person's restriction, with the reason it gave. */
function DecisionNotice(p: { decision: RestrictionDecision; t: T; when: PageDates }) {
  const { t, decision } = p;
  return (
    <p class="restriction-decision">
      {t(`restriction.decision.${decision.decision}`, { date: p.when.date(decision.decidedAt) })}{' '}
      {t('restriction.decision.reason')} {t('restriction.quoted', { text: decision.reason })}
    </p>
  );
}

/**
 * Restriction of processing: the banner and Lift button while on, the reason form while off,
 * and the school's latest decision on it either way.
 */
export function RestrictionCard(p: RestrictionCardProps) {
  const { t } = p;
  return (
    <section class="card" aria-labelledby="restriction-h" id="restriction">
      <h2 id="restriction-h">{t('restriction.heading')}</h2>
      <p>{t('restriction.lead')}</p>
      {p.notice ? <Notice kind="success">{t(`hold.notice.${p.notice}`)}</Notice> : null}
      {p.restrictionDecision ? (
        <DecisionNotice decision={p.restrictionDecision} t={t} when={p.when} />
      ) : null}
      {p.restriction ? (
        <>
          <Notice kind="info">
            {t('restriction.active', { when: p.when.dateTime(p.restriction.at) })}
            {p.restriction.reason
              ? ` ${t('restriction.yourReason')} ${t('restriction.quoted', { text: p.restriction.reason })}`
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
            autofocus={!!p.reasonError}
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
