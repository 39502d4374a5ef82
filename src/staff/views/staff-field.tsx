import { Field } from '../../views/components';

/**
 * The shared Field with an id prefix: the person card holds one form per booking, and ids
 * (which tie labels and errors to inputs) must stay unique. No browser autofill in staff forms.
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
  const { form, ...field } = p;
  return <Field {...field} id={`${form}-${p.name}`} rows={3} autocomplete="off" />;
}
