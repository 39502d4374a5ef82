/** English: decisions on a restriction of processing (the admins' queue, the person's side, the mail). */
export const restrictionReview = {
  'staff.nav.restrictions': 'Restriction requests',
  'staff.restrictions.title': 'Restriction requests',
  'staff.restrictions.lead':
    'People who restricted the processing of their data and are waiting for a decision, oldest first. Until the restriction is lifted, staff cannot change their data. Each person listed sees in their activity that an admin saw them here.',
  'staff.restrictions.empty': 'Nobody is waiting for a decision.',
  'staff.restrictions.col.person': 'Person',
  'staff.restrictions.col.since': 'Restricted since',
  'staff.restrictions.col.reason': 'Their reason',
  'staff.restrictions.col.decision': 'Decision',
  'staff.restrictions.decision': 'Decision',
  'staff.restrictions.upheld': 'Keep the restriction',
  'staff.restrictions.lifted': 'Lift the restriction',
  'staff.restrictions.reason': 'Reason for the decision',
  'staff.restrictions.reason.hint':
    'The person gets it by email and sees it on their privacy page. At most 1000 characters.',
  'staff.restrictions.submit': 'Record the decision',
  'staff.restrictions.notice.upheld':
    'Decision recorded: the restriction stays. The person has been told.',
  'staff.restrictions.notice.lifted':
    'Decision recorded: the restriction is lifted. The person has been told.',
  'staff.restrictions.notRestricted':
    'This person’s processing is no longer restricted, so there is nothing to decide.',
  'review.reason.required': 'Write the reason for your decision.',
  'staff.restricted.locked':
    'You cannot change this person’s data while processing is restricted: no new lessons, no rescheduling, no payments. You can still cancel a lesson. An admin decides on the restriction under “Restriction requests”.',

  'activity.admin.restriction-upheld':
    'An admin decided on your restriction of processing: it stays',
  'activity.admin.restriction-lifted':
    'An admin decided on your restriction of processing: it is lifted',
  'activity.admin.viewed-restrictions': 'An admin looked at the restriction requests',

  'restriction.decision.upheld': 'The school kept the restriction on {date}.',
  'restriction.decision.lifted': 'The school lifted the restriction on {date}.',
  'restriction.decision.reason': 'Their reason:',
  'subscriptions.restricted.lift': 'Lift the restriction on your privacy page',

  'privacy.cat.restriction.title': 'Decisions on your restriction of processing',
  'privacy.cat.restriction.purpose':
    'What the school decided when you restricted processing (kept or lifted), with the reason it gave you.',
  'privacy.cat.restriction.retention': 'While your account exists.',

  'mail.restrictionDecision.upheld.subject': 'Your restriction of processing stays in place',
  'mail.restrictionDecision.upheld.body':
    '{school} has looked at your restriction of the processing of your data and decided to keep it.',
  'mail.restrictionDecision.upheld.next':
    'Staff still cannot change your data, and we send you no optional mail. You can lift the restriction yourself at any time on your privacy page.',
  'mail.restrictionDecision.lifted.subject': 'Your restriction of processing has been lifted',
  'mail.restrictionDecision.lifted.body':
    '{school} has looked at your restriction of the processing of your data and lifted it.',
  'mail.restrictionDecision.lifted.next':
    'Your data is processed as usual again. If you disagree, you can restrict processing again on your privacy page or complain to the data protection authority.',
  'mail.restrictionDecision.reason': 'The reason: {reason}',
  'mail.restrictionDecision.button': 'Open your privacy page',
};
