import { eq, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  bookings,
  consents,
  deliveryCounts,
  deliveryEvents,
  emailOutbox,
  mailSuppressions,
  payments,
  restrictionDecisions,
  staffAssignments,
  subscriptionEvents,
  subscriptions,
  users,
} from '../../db/schema';
import { owned, ownRows, tableDataset, type Category } from './registry-kit';

/*
 * What the person did with the school: consents, decisions on their restriction,
 * subscriptions, bookings, payments, and the mail sent to them.
 */
export const activityCategories: Category[] = [
  {
    key: 'consents',
    tables: [owned(consents)],
    datasets: [
      ownRows(
        'consents',
        consents,
        {
          at: consents.at,
          kind: consents.kind,
          version: consents.version,
          granted: consents.granted,
          method: consents.method,
          ip: consents.ip,
        },
        consents.at,
      ),
    ],
  },
  {
    key: 'restriction',
    tables: [owned(restrictionDecisions)],
    datasets: [
      // What was decided and why, never by whom: the admin stays "the school".
      ownRows(
        'restriction-decisions',
        restrictionDecisions,
        {
          decidedAt: restrictionDecisions.decidedAt,
          decision: restrictionDecisions.decision,
          reason: restrictionDecisions.reason,
        },
        restrictionDecisions.decidedAt,
      ),
    ],
  },
  {
    key: 'subscriptions',
    tables: [owned(subscriptions), owned(subscriptionEvents)],
    datasets: [
      ownRows(
        'subscriptions',
        subscriptions,
        {
          list: subscriptions.listSlug,
          status: subscriptions.status,
          requestedAt: subscriptions.requestedAt,
          confirmedAt: subscriptions.confirmedAt,
          unsubscribedAt: subscriptions.unsubscribedAt,
          createdAt: subscriptions.createdAt,
          updatedAt: subscriptions.updatedAt,
        },
        subscriptions.createdAt,
      ),
      ownRows(
        'subscription-events',
        subscriptionEvents,
        {
          at: subscriptionEvents.at,
          list: subscriptionEvents.listSlug,
          action: subscriptionEvents.action,
          method: subscriptionEvents.method,
        },
        subscriptionEvents.at,
      ),
    ],
  },
  {
    key: 'bookings',
    tables: [owned(bookings)],
    datasets: [
      ownRows(
        'bookings',
        bookings,
        {
          id: bookings.id,
          title: bookings.title,
          startsAt: bookings.startsAt,
          endsAt: bookings.endsAt,
          timeZone: bookings.timeZone,
          location: bookings.location,
          status: bookings.status,
          notes: bookings.notes,
          createdAt: bookings.createdAt,
          updatedAt: bookings.updatedAt,
        },
        bookings.startsAt,
      ),
    ],
  },
  {
    key: 'staff',
    tables: [
      owned(staffAssignments),
      // The staff member's own end: their assignments go with their account.
      { table: staffAssignments, column: staffAssignments.staffId, onPurge: 'delete' },
    ],
    datasets: [
      // The teacher by name only (the person knows who teaches them): never their id or address.
      ownRows(
        'assigned-staff',
        staffAssignments,
        {
          teacher:
            sql<string>`(select ${users.name} from ${users} where ${users.id} = ${staffAssignments.staffId})` as unknown as AnyPgColumn,
          assignedAt: staffAssignments.createdAt,
        },
        staffAssignments.createdAt,
      ),
    ],
  },
  {
    key: 'payments',
    // The law keeps payment records: the purge keeps amount, date and description, not the person.
    tables: [owned(payments, 'anonymise')],
    datasets: [
      ownRows(
        'payments',
        payments,
        {
          id: payments.id,
          paidAt: payments.paidAt,
          amount: payments.amount,
          currency: payments.currency,
          description: payments.description,
          bookingId: payments.bookingId,
          createdAt: payments.createdAt,
        },
        payments.paidAt,
      ),
    ],
  },
  {
    key: 'emails',
    tables: [
      owned(emailOutbox),
      owned(deliveryEvents),
      owned(deliveryCounts),
      owned(mailSuppressions),
    ],
    datasets: [
      ...deliveryDatasets(),
      tableDataset('emails', {
        from: emailOutbox,
        // Metadata only: bodies carry live links (reset, cancel) that must not travel in a zip.
        select: {
          createdAt: emailOutbox.createdAt,
          sentAt: emailOutbox.sentAt,
          to: emailOutbox.toAddress,
          template: emailOutbox.template,
          subject: emailOutbox.subject,
          locale: emailOutbox.locale,
          status: emailOutbox.status,
        },
        // Mail queued before the account existed (or without an id) still reached this address.
        where: (p) =>
          sql`(${emailOutbox.userId} = ${p.id} or (${isNull(emailOutbox.userId)} and lower(${emailOutbox.toAddress}) = lower(${p.email})))`,
        ts: emailOutbox.createdAt,
        id: emailOutbox.id,
      }),
    ],
  },
];

/**
 * What the mail provider reported about mail to the person (kept 90 days one by one, then
 * as counts) and whether their address is on the suppression list.
 */
function deliveryDatasets() {
  return [
    tableDataset('delivery-events', {
      from: deliveryEvents,
      select: {
        at: deliveryEvents.occurredAt,
        subject:
          sql<string>`(select ${emailOutbox.subject} from ${emailOutbox} where ${emailOutbox.id} = ${deliveryEvents.outboxId})` as unknown as AnyPgColumn,
        status: deliveryEvents.outcome,
        details: deliveryEvents.bounceType,
      },
      where: (p) => eq(deliveryEvents.userId, p.id),
      ts: deliveryEvents.occurredAt,
      id: deliveryEvents.id,
    }),
    // The counts of events older than 90 days: `details` is how many.
    ownRows(
      'delivery-counts',
      deliveryCounts,
      {
        status: deliveryCounts.outcome,
        details: deliveryCounts.count,
        updatedAt: deliveryCounts.updatedAt,
      },
      deliveryCounts.updatedAt,
    ),
    ownRows(
      'mail-suppressions',
      mailSuppressions,
      {
        email: mailSuppressions.address,
        reason: mailSuppressions.reason,
        createdAt: mailSuppressions.createdAt,
      },
      mailSuppressions.createdAt,
    ),
  ];
}
