// After a password reset the sign-in page is opened as /login?…#email=<address>: the address
// travels in the fragment, which the browser never sends, so no request line or log holds it.
// Fill the empty email field with it, move on to the password, and drop it from the address bar.
const match = /^#email=([^&]*)$/.exec(location.hash);
const field = document.getElementById('f-email');
if (match && field instanceof HTMLInputElement) {
  try {
    if (!field.value) field.value = decodeURIComponent(match[1]);
  } catch {
    // A malformed address in the link: leave the field for the person.
  }
  history.replaceState(null, '', location.pathname + location.search);
  document.getElementById('f-password')?.focus();
}
