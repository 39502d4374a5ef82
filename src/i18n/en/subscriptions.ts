/** English: subscriptions. */
export const subscriptions = {
  'subscriptions.title': 'Mailing subscriptions',
  'subscriptions.lead':
    'Choose which optional mail you get. Subscribing takes one more step: we send a link to your email, and you are subscribed once you open it.',
  'subscriptions.status': 'Status',
  'subscriptions.status.subscribed': 'Subscribed',
  'subscriptions.status.pending': 'Waiting for your confirmation',
  'subscriptions.status.unsubscribed': 'Not subscribed',
  'subscriptions.subscribe': 'Subscribe',
  'subscriptions.unsubscribe': 'Unsubscribe',
  'subscriptions.resend': 'Send the link again',
  'subscriptions.cancel': 'Cancel the request',
  'subscriptions.mandatory': 'Always on',
  'subscriptions.mandatory.reason':
    'These cannot be turned off: we need them to run your account, your lessons and your payments. They are never advertising.',
  'subscriptions.pending.hint':
    'We sent a confirmation link to {email}. Open it to finish subscribing.',
  'subscriptions.restricted':
    'Processing of your data is restricted, so we send you no optional mail until you lift the restriction.',
  'subscriptions.oneClick':
    'Every list mail has an unsubscribe link at the bottom that works without signing in.',
  'subscriptions.notice.pending':
    'Almost done: open the link we just sent to your email to confirm “{list}”.',
  'subscriptions.notice.subscribed': 'You are subscribed to “{list}”.',
  'subscriptions.notice.unsubscribed':
    'You are unsubscribed from “{list}”. You will get no more of this mail.',
  'subscriptions.error.mandatory': '“{list}” cannot be turned off.',

  'subscriptionConfirm.title': 'Confirm your subscription',
  'subscriptionConfirm.body':
    'Press the button to start receiving this mail. You can unsubscribe at any time.',
  'subscriptionConfirm.button': 'Confirm subscription',
  'subscriptionConfirm.done': 'Thank you: you are subscribed to “{list}”.',
  'subscriptionConfirm.manage': 'Manage subscriptions',

  'unsubscribe.title': 'Unsubscribe',
  'unsubscribe.body':
    'Stop sending “{list}” to this address? Service messages about your account are not affected.',
  'unsubscribe.button': 'Unsubscribe',
  'unsubscribe.done': 'You are unsubscribed from “{list}”. You will get no more of this mail.',
  'optOut.title': 'You get no mailings from us now',
  'optOut.offer': 'Would you also like us to delete your account and everything we hold about you?',
  'optOut.how':
    'Deleting works as it always does: you confirm with your password or passkey, you have {days} to change your mind, and then everything goes except the payment records the law requires (without your name).',
  // {days} in optOut.how: "you have 1 day / 30 days to change your mind".
  'optOut.how.days.one': '{count} day',
  'optOut.how.days.other': '{count} days',
  'optOut.howNow':
    'Deleting works as it always does: you confirm with your password or passkey, and then everything goes at once except the payment records the law requires (without your name).',
  'optOut.button': 'Delete my account and my data…',
  'mail.mailingsStopped.subject': 'You will get no more mailings from us',
  'mail.mailingsStopped.body':
    'You have left the last of our mailing lists, so {school} will send you no more announcements. Messages about your account and your lessons still come.',
  'unsubscribe.invalid':
    'This unsubscribe link is not valid. Check that you copied it completely, or sign in and change your subscriptions in your account.',
  'unsubscribe.mandatory': 'These messages are part of the service and cannot be turned off.',

  'activity.subscription.requested': 'Subscription requested, waiting for confirmation',
  'activity.subscription.confirmed': 'Subscription confirmed',
  'activity.subscription.unsubscribed': 'Unsubscribed from a mailing list',

  'mail.subscriptionConfirm.subject': 'Confirm your subscription: {list}',
  'mail.subscriptionConfirm.body':
    'You asked to receive “{list}” from {school}. Please confirm that you want this mail.',
  'mail.subscriptionConfirm.expiry': 'The link works once, for 7 days.',
  'mail.subscriptionConfirm.action': 'Confirm subscription',
  'mail.subscriptionConfirm.footer':
    'If you did not ask for this, ignore this mail: you will not be subscribed without the link.',
  'mail.announcement.why': 'You get this mail because you subscribed to “{list}”.',
  'mail.announcement.unsubscribe': 'Unsubscribe',
  'mail.announcement.manage': 'Manage your subscriptions',

  'announce.title': 'Send an announcement',
  'announce.lead':
    'The mail goes only to people who confirmed a subscription to the list, never to restricted, unconfirmed or closing accounts. Every mail has an unsubscribe link that works without signing in, and mail apps show their own Unsubscribe button for it.',
  'announce.list': 'List',
  'announce.subject': 'Subject',
  'announce.body': 'Message',
  'announce.body.hint': 'Plain text. An empty line starts a new paragraph.',
  'announce.uk': 'Ukrainian version (optional)',
  'announce.uk.hint':
    'People who chose Ukrainian get this version; everyone else gets the main one.',
  'announce.ukSubject': 'Subject in Ukrainian',
  'announce.ukBody': 'Message in Ukrainian',
  'announce.preview': 'Preview',
  'announce.send': 'Review and send…',
  'announce.confirm.title': 'Send this announcement?',
  'announce.confirm.body':
    'It goes to every confirmed subscriber of “{list}” ({count} in all). Once queued, it cannot be recalled.',
  'announce.confirm.button': 'Yes, send it now',
  'announce.confirm.back': 'Back to editing',
  'announce.noRecipients':
    'Nobody has confirmed a subscription to “{list}” yet, so there is no one to send it to. Nothing was queued.',
  'announce.queuedNone': 'Nothing was queued: nobody is subscribed to that list any more.',
  'announce.recipients': 'Confirmed subscribers of “{list}” it will go to: {count}.',
  'announce.previewText': 'Plain-text part',
  'announce.previewHtml': 'HTML part (source)',
  'announce.queued': 'The announcement is queued. Recipients: {count}.',
  'announce.error.list':
    'Choose one of the lists shown: service messages cannot be sent as announcements.',
  'announce.error.translation': 'Fill in both the Ukrainian subject and message, or neither.',
};
