import type { T } from '../../i18n';
import type { PersonSummary } from '../people';

/** What staff must notice about a person at a glance: restriction, pending deletion, unconfirmed email. */
export function PersonBadges(p: { t: T; person: PersonSummary }) {
  const { t, person } = p;
  return (
    <>
      {person.processingRestrictedAt ? (
        <span class="badge danger">{t('staff.badge.restricted')}</span>
      ) : null}{' '}
      {person.deletionScheduledFor ? (
        <span class="badge warn">{t('staff.badge.deletion')}</span>
      ) : null}{' '}
      {person.emailVerifiedAt ? null : <span class="badge">{t('staff.badge.unverified')}</span>}
    </>
  );
}
