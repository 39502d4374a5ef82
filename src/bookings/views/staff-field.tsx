/**
 * A labelled input like the shared Field, but with an id prefix: the person card holds one
 * form per booking, and ids (which tie labels and errors to inputs) must stay unique.
 */
export function StaffField(p: {
  form: string;
  name: string;
  label: string;
  type?: string;
  value?: string | null;
  error?: string;
  hint?: string;
  required?: boolean;
  maxlength?: number;
  textarea?: boolean;
  list?: string;
  inputmode?: 'decimal' | 'text';
}) {
  const id = `${p.form}-${p.name}`;
  const describedBy =
    [p.hint ? `${id}-hint` : null, p.error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  const common = {
    id,
    name: p.name,
    required: p.required,
    maxlength: p.maxlength,
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
        <textarea {...common} rows={3}>
          {p.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          value={p.value ?? undefined}
          list={p.list}
          inputmode={p.inputmode}
          autocomplete="off"
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
