/** English: sign-in, registration and password pages. */
export const auth = {
  'password.too-short': 'Use at least 8 characters.',
  'password.too-long': 'Use at most 128 characters.',
  'password.common': 'This password is one of the most common ones and easy to guess. Choose another.',
  'password.same-as-identity': 'Do not use your email address or name as the password.',
  'password.breached': 'This password has appeared in a data breach. Choose another.',
};
