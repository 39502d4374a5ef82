export type FormValues = Record<string, string | undefined>;
export type FormErrors = Record<string, string | undefined>;

/** Which form on the card a failed submission came from, so it is shown open with its errors. */
export type FormState = {
  form: string;
  values: FormValues;
  errors: FormErrors;
  /** Refused as a whole because processing is restricted (the form is not on the page then). */
  refused?: boolean;
};
