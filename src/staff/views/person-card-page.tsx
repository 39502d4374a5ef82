import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type Locale, type T } from '../../i18n';
import { pageDates, type PageDates } from '../../views/dates';
import { Notice } from '../../views/components';
import type { PersonCard } from '../people';
import { TimeZoneList } from '../../views/time-zone-list';
import { NewBookingForm, type FormState } from './booking-forms';
import { BookingsTable } from './bookings-table';
import { PaymentsSection } from './payments-section';
import { AssignmentsSection, type AssignableStaff } from './assignments-section';
import { PersonBadges } from './person-badges';
import { ProfileSection, SubscriptionsSection } from './person-facts';
import { renderStaffPage } from '../../views/staff-frame';
import { cardLanding, LandingMessage, type CardSection, type Landing } from './landing';

export type CardState = {
  card: PersonCard;
  /** After a form worked: what to say, in the section it changed. */
  notice?: { text: string; section: CardSection };
  /** A submission that failed (or was refused), re-shown with its values and errors. */
  failed?: FormState;
  status?: 200 | 400 | 409;
  /** Staff members an admin may still assign; null for a teacher, who cannot assign. */
  assignable?: AssignableStaff[] | null;
};

const defaultZone = 'Europe/Kyiv';

/** What staff must see before acting: a restriction (they must hold back) or a pending deletion. */
function PersonAlerts(p: { t: T; when: ReturnType<typeof pageDates>; user: PersonCard['user'] }) {
  const { t, when, user } = p;
  return (
    <>
      {user.processingRestrictedAt ? (
        <div class="notice notice-error restriction-banner" role="alert">
          <p>{t('staff.restricted.title')}</p>
          <p>{t('staff.restricted.body', { date: when.date(user.processingRestrictedAt) })}</p>
          {user.processingRestrictionReason ? (
            <p>{t('staff.restricted.reason', { reason: user.processingRestrictionReason })}</p>
          ) : null}
          <p>{t('staff.restricted.locked')}</p>
        </div>
      ) : null}
      {user.deletionScheduledFor ? (
        <Notice kind="info">
          {t('staff.deletion.body', { date: when.date(user.deletionScheduledFor) })}
        </Notice>
      ) : null}
    </>
  );
}

/** The bookings with their inline forms, and the form for a new one (in the last lesson's zone). */
function BookingsSections(p: {
  t: T;
  locale: Locale;
  when: PageDates;
  card: PersonCard;
  failed?: FormState;
  landing?: Landing;
}) {
  const { t, card } = p;
  const locked = !!card.user.processingRestrictedAt;
  const failed = p.failed?.form === 'new-booking' ? p.failed : undefined;
  return (
    <>
      <section class="card" aria-labelledby="bookings-h" id="bookings">
        <h2 id="bookings-h">{t('staff.card.bookings')}</h2>
        <LandingMessage at="section:bookings" landing={p.landing} />
        {card.bookings.length === 0 ? (
          <p>{t('staff.card.noBookings')}</p>
        ) : (
          <BookingsTable
            t={t}
            locale={p.locale}
            when={p.when}
            bookings={card.bookings}
            failed={p.failed}
            locked={locked}
            landing={p.landing}
          />
        )}
      </section>

      <section class="card" aria-labelledby="new-booking-h" id="new-booking">
        <h2 id="new-booking-h">{t('staff.booking.new')}</h2>
        <LandingMessage at="section:new-booking" landing={p.landing} />
        {locked ? (
          <p class="meta">{t('staff.restricted.locked')}</p>
        ) : (
          <NewBookingForm
            t={t}
            userId={card.user.id}
            values={failed?.values ?? { timeZone: card.bookings[0]?.timeZone ?? defaultZone }}
            errors={failed?.errors ?? {}}
            landing={p.landing}
          />
        )}
      </section>
    </>
  );
}

/** /staff/users/:id: everything about one person, with the forms staff act through. */
export function personCardPage(c: Context<AppEnv>, s: CardState) {
  const locale = c.get('locale');
  const when = pageDates(c);
  const t = translator(locale);
  const { user } = s.card;
  const landing = cardLanding(t, s.card, s);
  return renderStaffPage(
    c,
    { title: user.name, section: 'search', status: s.status },
    <>
      <p>
        <a href="/staff">{t('staff.card.back')}</a>
      </p>
      <h1>
        {user.name} <PersonBadges t={t} person={user} />
      </h1>
      <p class="meta">{t('staff.card.notice', { name: user.name })}</p>
      <PersonAlerts t={t} when={when} user={user} />

      <ProfileSection t={t} when={when} user={user} />
      <TimeZoneList />
      <BookingsSections
        t={t}
        locale={locale}
        when={when}
        card={s.card}
        failed={s.failed}
        landing={landing}
      />
      <PaymentsSection
        t={t}
        locale={locale}
        card={s.card}
        failed={s.failed?.form === 'payment' ? s.failed : undefined}
        today={c.get('deps').clock.now().toISOString().slice(0, 10)}
        locked={!!user.processingRestrictedAt}
        landing={landing}
      />
      <SubscriptionsSection t={t} locale={locale} subscriptions={s.card.subscriptions} />
      <AssignmentsSection
        t={t}
        when={when}
        userId={user.id}
        assigned={s.card.assignedStaff}
        choices={s.assignable ?? null}
        failed={s.failed?.form === 'assign' ? s.failed : undefined}
        landing={landing}
      />
    </>,
  );
}
