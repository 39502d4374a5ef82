import type { T } from '../../i18n';
import type { PersonCard } from '../people';
import type { FormState } from './form-state';

/** The id every card form's redirect and re-shown page lands on (`#card-message`). */
export const landingId = 'card-message';

/** The card's sections a message can be about. */
export type CardSection = 'bookings' | 'new-booking' | 'payments' | 'assignments';

/**
 * The one message a card shows after a form, and where: inside the failed form (`form:<id>`)
 * next to the fields it is about, or at the top of the section the change was in.
 */
export type Landing = { at: string; kind: 'success' | 'error'; text: string };

/** Where a form's refusal goes when its form is not on the page (processing is restricted). */
const sectionOfForm = (form: string): CardSection =>
  form === 'new-booking'
    ? 'new-booking'
    : form === 'payment'
      ? 'payments'
      : form === 'assign'
        ? 'assignments'
        : 'bookings';

/** "The payment was not recorded: correct the fields marked below." — naming the form. */
function failedText(t: T, card: PersonCard, failed: FormState): string {
  const reason = failed.refused
    ? t('staff.failed.restricted')
    : (failed.errors._ ?? t('staff.failed.fields'));
  if (failed.form === 'new-booking') return t('staff.failed.new-booking', { reason });
  if (failed.form === 'payment') return t('staff.failed.payment', { reason });
  if (failed.form === 'assign') return t('staff.failed.assign', { reason });
  const booking = card.bookings.find((b) => `booking-${b.id}` === failed.form);
  const title = booking?.title ?? failed.values.title ?? '';
  return t('staff.failed.booking', { title, reason });
}

export function cardLanding(
  t: T,
  card: PersonCard,
  s: { notice?: { text: string; section: CardSection }; failed?: FormState },
): Landing | undefined {
  if (s.failed)
    return {
      at: s.failed.refused ? `section:${sectionOfForm(s.failed.form)}` : `form:${s.failed.form}`,
      kind: 'error',
      text: failedText(t, card, s.failed),
    };
  if (s.notice) return { at: `section:${s.notice.section}`, kind: 'success', text: s.notice.text };
  return undefined;
}

/**
 * The message, when it belongs here. Focusable (tabindex −1) and focused on load, and the
 * target of the redirect's fragment, so the reader lands on it wherever it is on the page;
 * an error is announced at once.
 */
export function LandingMessage(p: { at: string; landing?: Landing }) {
  const l = p.landing;
  if (!l || l.at !== p.at) return null;
  return (
    <div
      id={landingId}
      class={`notice notice-${l.kind}`}
      role={l.kind === 'error' ? 'alert' : 'status'}
      tabindex={-1}
      autofocus
    >
      <p>{l.text}</p>
    </div>
  );
}
