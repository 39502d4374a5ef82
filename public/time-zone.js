// The profile page's time-zone field: offers this device's own zone in one press, so nobody
// has to look its name up. Without JavaScript the button stays hidden and the field (with
// its list of zones) works as it is. It only fills the field; saving is still the form's.
const field = document.getElementById('f-timeZone');
const button = document.getElementById('time-zone-detect');
// ICU in many browsers still says Kiev; the list on the page (and the city) say Kyiv.
const found = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zone = found === 'Europe/Kiev' ? 'Europe/Kyiv' : found;

// An empty field already means UTC.
if (field && button && zone && zone !== (field.value.trim() || 'UTC')) {
  button.textContent = (button.dataset.label || '{zone}').replace('{zone}', zone);
  button.hidden = false;
  button.addEventListener('click', () => {
    field.value = zone;
    button.hidden = true;
    field.focus();
  });
}
