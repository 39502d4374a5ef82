import type { Child } from 'hono/jsx';

export type FormErrors = Record<string, string | undefined>;

type FieldProps = {
  name: string;
  /** Defaults to `f-<name>`; give one when a page holds several fields of the same name. */
  id?: string;
  label: string;
  type?: string;
  value?: string | null;
  error?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  /** Shown and sent, not editable: e.g. the address an emailed link is for (password managers read it). */
  readonly?: boolean;
  maxlength?: number;
  inputmode?: 'email' | 'tel' | 'numeric' | 'decimal' | 'text' | 'url';
  textarea?: boolean;
  rows?: number;
  /** Id of a <datalist> offering suggestions. */
  list?: string;
  /** The first field with an error gets the focus when the page comes back. */
  autofocus?: boolean;
};

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function Field(p: FieldProps) {
  const id = p.id ?? `f-${p.name}`;
  const describedBy =
    [p.hint ? `${id}-hint` : null, p.error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  const common = {
    id,
    name: p.name,
    required: p.required,
    readonly: p.readonly,
    maxlength: p.maxlength,
    autocomplete: p.autocomplete,
    autofocus: p.autofocus,
    'aria-invalid': p.error ? 'true' : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.textarea ? (
        <textarea {...common} rows={p.rows ?? 4}>
          {p.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          value={p.type === 'password' ? undefined : (p.value ?? undefined)}
          inputmode={p.inputmode}
          list={p.list}
        />
      )}
      {p.error ? (
        <p class="field-error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

export function Checkbox(p: {
  name: string;
  label: Child;
  checked?: boolean;
  error?: string;
  required?: boolean;
  autofocus?: boolean;
}) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? 'field checkbox has-error' : 'field checkbox'}>
      <input
        type="checkbox"
        id={id}
        name={p.name}
        value="true"
        checked={p.checked}
        required={p.required}
        autofocus={p.autofocus}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${id}-error` : undefined}
      />
      <label for={id}>{p.label}</label>
      {p.error ? (
        <p class="field-error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

/** A message at the top of a form; errors are announced to screen readers at once. */
export function Notice(p: { kind: 'error' | 'success' | 'info'; children: Child }) {
  return (
    <div class={`notice notice-${p.kind}`} role={p.kind === 'error' ? 'alert' : 'status'}>
      {p.children}
    </div>
  );
}

/** A form that POSTs to a page route; one button, so it works without JavaScript. */
export function ActionForm(p: {
  action: string;
  label: string;
  danger?: boolean;
  hidden?: Record<string, string>;
}) {
  return (
    <form method="post" action={p.action} class="inline-form">
      {Object.entries(p.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={p.danger ? 'button danger' : 'button'}>
        {p.label}
      </button>
    </form>
  );
}
