import type { Child } from 'hono/jsx';
import type { MessageKey, T } from '../../i18n';
import { isAuditTrailAction, type listAuditTrail } from '../audit-trail';

export type TrailEvent = Awaited<ReturnType<typeof listAuditTrail>>['events'][number];

/** `audit.<action>`, or `.you` for the reader's own acts; general words for an unknown code. */
function sentenceKey(action: string, you: boolean): MessageKey {
  const base = isAuditTrailAction(action) ? (`audit.${action}` as const) : 'audit.unknown';
  return you ? `${base}.you` : base;
}

/** Fills `{name}` placeholders of a message with markup (a link), not only with text. */
function fill(template: string, values: Record<string, Child>): Child[] {
  return template
    .split(/\{(\w+)\}/)
    .map((part, i) => (i % 2 === 1 ? (part in values ? values[part] : `{${part}}`) : part));
}

/**
 * One line of the trail in staff wording: "You opened Olena Koval’s card", "Anna Bondar
 * (anna@…) recorded a payment for Olena Koval", the person linked to their card. Never the
 * action code: a code with no words yet still gets a sentence, and the person it was about.
 */
export function AuditSentence(p: { t: T; readerId: string | null; event: TrailEvent }) {
  const { t, event: e } = p;
  const you = !!e.actorId && e.actorId === p.readerId;
  const subject = e.userId ? (
    <a href={`/staff/users/${e.userId}`}>{e.userName ?? t('audit.subject.gone')}</a>
  ) : (
    t('audit.subject.gone')
  );
  const values: Record<string, Child> = {
    actor:
      e.actorId && e.actorEmail
        ? `${e.actorName ?? ''} (${e.actorEmail})`.trim()
        : t('audit.actor.gone'),
    subject,
    staff: e.assigneeName ?? t('audit.assignee.gone'),
  };
  const known = isAuditTrailAction(e.action);
  return (
    <>
      {fill(t(sentenceKey(e.action, you)), values)}
      {!known && e.userId ? <> ({subject})</> : null}
    </>
  );
}
