import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { translator, type T } from '../../i18n';
import { Field, Notice, type FormErrors } from '../../views/components';
import { renderStaffPage } from '../../views/staff-frame';
import { translateError } from '../../views/translate-error';
import type { RenderedMail } from '../../../emails/layout';
import type { ListView } from '../lists';
import { announcementFormFields, translationLocales } from '../schemas';

export type AnnouncementFormValues = Partial<
  Record<(typeof announcementFormFields)[number], string>
>;

export type AnnouncementPageState = {
  lists: ListView[];
  values?: AnnouncementFormValues;
  errors?: FormErrors;
  preview?: {
    listName: string;
    recipients: number;
    mails: { locale: string; mail: RenderedMail }[];
  };
  /** The send button was pressed: ask "send to N people?" before queuing anything. */
  confirm?: boolean;
  queued?: number;
  status?: 200 | 400 | 404;
};

/**
 * Staff write an announcement, look at it as the recipients will get it, then send. The
 * preview shows the mail's text and its HTML as source, escaped: staff see exactly what
 * goes out, and nothing they typed can run in the console.
 */
export function announcementPage(c: Context<AppEnv>, s: AnnouncementPageState) {
  const t = translator(c.get('locale'));
  const e = (k: string) => translateError(t, s.errors?.[k]);
  return renderStaffPage(
    c,
    { title: t('announce.title'), section: 'announcements', status: s.status ?? 200 },
    <>
      <h1>{t('announce.title')}</h1>
      <p class="lead">{t('announce.lead')}</p>
      <p>
        <a href="/staff/announcements/history">{t('history.title')}</a>
      </p>
      {s.queued === 0 ? <Notice kind="info">{t('announce.queuedNone')}</Notice> : null}
      {s.queued ? (
        <Notice kind="success">{t('announce.queued', { count: s.queued })}</Notice>
      ) : null}
      {s.errors && Object.keys(s.errors).length ? (
        <Notice kind="error">{e('_') ?? t('form.fixErrors')}</Notice>
      ) : null}
      {s.preview && s.confirm && s.preview.recipients > 0 ? (
        <ConfirmSend {...s.preview} values={s.values ?? {}} t={t} />
      ) : null}
      {s.preview ? <AnnouncementPreview {...s.preview} t={t} /> : null}
      <AnnouncementForm lists={s.lists} values={s.values ?? {}} e={e} t={t} />
    </>,
  );
}

type Preview = NonNullable<AnnouncementPageState['preview']>;

/** The last step: the count, and a form that carries the text again with `confirm=1`. */
function ConfirmSend(p: Preview & { values: AnnouncementFormValues; t: T }) {
  const { t } = p;
  return (
    <section class="card" aria-labelledby="confirm-h" id="confirm">
      <h2 id="confirm-h" tabindex={-1}>
        {t('announce.confirm.title')}
      </h2>
      <p>{t('announce.confirm.body', { count: p.recipients, list: p.listName })}</p>
      <form method="post" action="/staff/announcements">
        {Object.entries(p.values).map(([name, value]) => (
          <input type="hidden" name={name} value={value ?? ''} />
        ))}
        <input type="hidden" name="confirm" value="1" />
        <div class="form-actions">
          <button type="submit" class="button">
            {t('announce.confirm.button')}
          </button>
          <a href="#announcement-form">{t('announce.confirm.back')}</a>
        </div>
      </form>
    </section>
  );
}

function AnnouncementPreview(p: Preview & { t: T }) {
  const { t } = p;
  return (
    <section class="card" aria-labelledby="preview-h" id="preview">
      <h2 id="preview-h">{t('announce.preview')}</h2>
      {p.recipients > 0 ? (
        <p>{t('announce.recipients', { count: p.recipients, list: p.listName })}</p>
      ) : (
        <Notice kind="error">{t('announce.noRecipients', { list: p.listName })}</Notice>
      )}
      {p.mails.map(({ locale, mail }) => (
        <article lang={locale}>
          <h3>{mail.subject}</h3>
          <h4>{t('announce.previewText')}</h4>
          <pre tabindex={0}>{mail.text}</pre>
          <details>
            <summary>{t('announce.previewHtml')}</summary>
            <pre tabindex={0}>{mail.html}</pre>
          </details>
        </article>
      ))}
    </section>
  );
}

type FormProps = {
  lists: ListView[];
  values: AnnouncementFormValues;
  e: (field: string) => string | undefined;
  t: T;
};

function AnnouncementForm({ lists, values: v, e, t }: FormProps) {
  return (
    <form method="post" action="/staff/announcements" class="card" id="announcement-form">
      <ListField lists={lists} value={v.list} error={e('list')} t={t} />
      <Field
        name="subject"
        label={t('announce.subject')}
        value={v.subject}
        error={e('subject')}
        required
        maxlength={200}
      />
      <Field
        name="body"
        label={t('announce.body')}
        value={v.body}
        error={e('body')}
        hint={t('announce.body.hint')}
        textarea
        required
        maxlength={20000}
      />
      {translationLocales.map((l) => (
        <TranslationFields locale={l} values={v} e={e} t={t} />
      ))}
      <div class="form-actions">
        {/* A POST that changes nothing: 20,000 characters per language do not fit in a URL. */}
        <button type="submit" class="button secondary" formaction="/staff/announcements/preview">
          {t('announce.preview')}
        </button>
        <button type="submit" class="button">
          {t('announce.send')}
        </button>
      </div>
    </form>
  );
}

function ListField(p: { lists: ListView[]; value?: string; error?: string; t: T }) {
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for="f-list">{p.t('announce.list')}</label>
      <select id="f-list" name="list" required>
        {p.lists.map((l) => (
          <option value={l.list} selected={p.value === l.list}>
            {l.name}
          </option>
        ))}
      </select>
      {p.error ? <p class="field-error">{p.error}</p> : null}
    </div>
  );
}

/** Words for each optional translation; Ukrainian's keys predate the other two. */
const translationWords = {
  uk: ['announce.uk', 'announce.uk.hint', 'announce.ukSubject', 'announce.ukBody'],
  ru: ['announce.ru', 'announce.ru.hint', 'announce.ruSubject', 'announce.ruBody'],
  cs: ['announce.cs', 'announce.cs.hint', 'announce.csSubject', 'announce.csBody'],
} as const;

/** One optional translation: both fields or neither (the schema checks). */
function TranslationFields({
  locale,
  values: v,
  e,
  t,
}: Omit<FormProps, 'lists'> & { locale: (typeof translationLocales)[number] }) {
  const [legend, hint, subject, body] = translationWords[locale];
  const subjectField = `${locale}Subject` as const;
  const bodyField = `${locale}Body` as const;
  return (
    <fieldset>
      <legend>{t(legend)}</legend>
      <p class="hint">{t(hint)}</p>
      <Field
        name={subjectField}
        label={t(subject)}
        value={v[subjectField]}
        error={e(subjectField)}
        maxlength={200}
      />
      <Field
        name={bodyField}
        label={t(body)}
        value={v[bodyField]}
        error={e(bodyField)}
        textarea
        maxlength={20000}
      />
    </fieldset>
  );
}
