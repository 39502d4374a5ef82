// Sends the zone this browser is set to, so times need not show in UTC until someone finds the
// profile setting: it fills every hidden `data-browser-time-zone` field (registration, the
// overview's offer) and reveals the overview's offer, which names the zone. The server checks
// the name against the zones it knows. Without JavaScript the fields stay empty (UTC) and the
// offer stays hidden.
const found = Intl.DateTimeFormat().resolvedOptions().timeZone;
// ICU in many browsers still says Kiev; the server's list (and the city) say Kyiv.
const zone = found === 'Europe/Kiev' ? 'Europe/Kyiv' : found;

if (zone) {
  for (const field of document.querySelectorAll('input[data-browser-time-zone]')) {
    field.value = zone;
  }
}

// A browser on UTC has nothing better to offer than what the account shows already.
const offer = document.getElementById('time-zone-offer');
if (offer && zone && !/^(?:Etc\/)?(?:UTC|GMT|UCT|Universal|Zulu)$/.test(zone)) {
  const text = offer.querySelector('[data-label]');
  if (text) text.textContent = (text.dataset.label || '{zone}').replace('{zone}', zone);
  offer.hidden = false;
}
