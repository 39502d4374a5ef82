// Copy buttons: each `button[data-copy]` puts its `data-copy` text on the clipboard and says
// so in the status next to it. They are hidden until this script shows them, and only where
// the browser offers the clipboard, so without JavaScript the text stays there to select.
for (const button of document.querySelectorAll('button[data-copy]')) {
  if (!navigator.clipboard?.writeText) continue;
  const status = button.nextElementSibling?.matches('[role="status"]')
    ? button.nextElementSibling
    : null;
  button.hidden = false;
  button.addEventListener('click', async () => {
    let ok = true;
    try {
      await navigator.clipboard.writeText(button.dataset.copy ?? '');
    } catch {
      ok = false;
    }
    if (status) status.textContent = (ok ? button.dataset.copied : button.dataset.failed) ?? '';
  });
}
