// Keeps an announcement's progress page current while it sends: every few seconds it reads
// the same counts from the JSON API and writes them into the page. Without JavaScript the
// page shows the counts of the moment and a "refresh" link.
const root = document.getElementById('announcement-progress');
const api = root && root.dataset.api;
const everyMs = 3000;

async function refresh() {
  const res = await fetch(api, { headers: { accept: 'application/json' } });
  if (!res.ok) return false;
  const a = await res.json();
  for (const cell of root.querySelectorAll('[data-count]')) {
    const value = a.counts[cell.dataset.count];
    if (typeof value === 'number')
      cell.textContent = value.toLocaleString(document.documentElement.lang);
  }
  const bar = root.querySelector('progress');
  if (bar) bar.value = a.counts.recipients - a.counts.queued;
  if (a.done) {
    const status = root.querySelector('[data-done]');
    if (status) status.textContent = status.dataset.done;
  }
  return !a.done;
}

async function loop() {
  let more = true;
  try {
    more = await refresh();
  } catch {
    // A network blip: try again at the next tick.
  }
  if (more) setTimeout(loop, everyMs);
}

if (api) setTimeout(loop, everyMs);
