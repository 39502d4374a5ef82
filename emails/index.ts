import { alreadyRegisteredMail } from './already-registered';
import { announcementMail } from './announcement';
import { bookingCancelledMail } from './booking-cancelled';
import { bookingConfirmedMail } from './booking-confirmed';
import { bookingUpdatedMail } from './booking-updated';
import { accountDeletedMail } from './deletion-completed';
import { deletionScheduledMail } from './deletion-scheduled';
import { deletionCancelledMail } from './deletion-cancelled';
import { confirmEmailChangeMail, emailChangeTakenMail, emailChangedMail } from './email-change';
import { inactivityWarningMail } from './inactivity-warning';
import { mailingsStoppedMail } from './mailings-stopped';
import type { MailContext, RenderedMail } from './layout';
import { passkeyNoticeMail } from './passkey-notices';
import { passwordChangedMail } from './password-changed';
import { paymentRecordedMail } from './payment-recorded';
import { policyNoticeMail } from './policy-notice';
import { resetPasswordMail } from './reset-password';
import { restrictionDecisionMail } from './restriction-decision';
import { lockoutMail, newSignInMail, notMeDoneMail } from './security-notices';
import { subscriptionConfirmMail } from './subscription-confirm';
import { twoFactorNoticeMail } from './two-factor-notices';
import { verifyEmailMail } from './verify-email';

export type { MailContext, RenderedMail } from './layout';

type Template<D> = {
  render: (ctx: MailContext, data: D) => RenderedMail;
  /**
   * The mail carries a link that acts (a one-time token, "not me", a reset). Its body is
   * dropped from the outbox once it has been sent, and it is never shown in a log.
   */
  secret: boolean;
};
const secret = <D>(render: Template<D>['render']): Template<D> => ({ render, secret: true });
const plain = <D>(render: Template<D>['render']): Template<D> => ({ render, secret: false });
/** For the mails whose text depends on nothing but the language: they take no data. */
const fixed =
  (render: (ctx: MailContext) => RenderedMail) => (ctx: MailContext, _none?: undefined) =>
    render(ctx);

/**
 * Every mail the service sends, by the id the outbox stores in `template`. Queuing takes an
 * id from this record, so a misspelt id or a missing field is a compile error, not a mail
 * that never arrives.
 */
export const mailTemplates = {
  'verify-email': secret(verifyEmailMail),
  'already-registered': secret(alreadyRegisteredMail),
  'reset-password': secret(resetPasswordMail),
  'password-changed': secret(passwordChangedMail),
  'email-change-confirm': secret(confirmEmailChangeMail),
  'email-change-taken': plain(fixed(emailChangeTakenMail)),
  'email-changed': secret(emailChangedMail),
  'new-sign-in': secret(newSignInMail),
  lockout: secret(lockoutMail),
  'not-me-done': secret(notMeDoneMail),
  'two-factor-enabled': secret(twoFactorNoticeMail),
  'two-factor-disabled': secret(twoFactorNoticeMail),
  'recovery-codes-regenerated': secret(twoFactorNoticeMail),
  'recovery-code-used': secret(twoFactorNoticeMail),
  'passkey-added': secret(passkeyNoticeMail),
  'passkey-removed': secret(passkeyNoticeMail),
  'deletion-scheduled': secret(deletionScheduledMail),
  'deletion-cancelled': secret(deletionCancelledMail),
  'account-deleted': secret(fixed(accountDeletedMail)),
  'inactivity-warning': plain(inactivityWarningMail),
  'subscription-confirm': secret(subscriptionConfirmMail),
  'mailings-stopped': plain(mailingsStoppedMail),
  'booking-confirmed': plain(bookingConfirmedMail),
  'booking-updated': plain(bookingUpdatedMail),
  'booking-cancelled': plain(bookingCancelledMail),
  'payment-recorded': plain(paymentRecordedMail),
  'restriction-decision': plain(restrictionDecisionMail),
  // Queued for many people at once, in one INSERT … SELECT each (see their queue functions).
  'policy-notice': plain(policyNoticeMail),
  announcement: secret(announcementMail),
} as const;

export type MailTemplates = typeof mailTemplates;
export type MailTemplateId = keyof MailTemplates;
export type MailData<T extends MailTemplateId> = Parameters<MailTemplates[T]['render']>[1];
