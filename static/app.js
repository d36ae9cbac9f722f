// Guichet's only script: warns before the idle timeout and keeps focus where people expect it.
// Every page works without it.
(() => {
  var warnTimer = null;
  var endTimer = null;

  function page() {
    return document.getElementById('page');
  }

  function scheduleIdleWarning() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    var root = page();
    var timeout = root && Number(root.getAttribute('data-idle-timeout-ms'));
    var dialog = document.getElementById('idle-dialog');
    if (!timeout || !dialog) return;
    warnTimer = setTimeout(
      () => {
        if (!dialog.open) dialog.showModal();
      },
      Math.max(0, timeout - Number(root.getAttribute('data-idle-warning-ms'))),
    );
    endTimer = setTimeout(showEnded, timeout);
  }

  function showEnded() {
    var dialog = document.getElementById('idle-dialog');
    if (!dialog) return;
    var body = document.getElementById('idle-body');
    var form = dialog.querySelector('[data-keepalive]');
    var login = dialog.querySelector('[data-idle-login]');
    if (body) body.textContent = body.getAttribute('data-ended-text');
    if (form) form.hidden = true;
    if (login) login.hidden = false;
    if (!dialog.open) dialog.showModal();
    if (login) login.focus();
  }

  document.addEventListener('submit', (event) => {
    var form = event.target;
    if (!form.matches?.('[data-keepalive]')) return;
    event.preventDefault();
    var token = page()?.getAttribute('data-csrf-token');
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': token || '' },
    }).then((response) => {
      if (response.ok) {
        document.getElementById('idle-dialog').close();
        scheduleIdleWarning();
      } else {
        showEnded();
      }
    }, showEnded);
  });

  function focusErrorSummary() {
    var summary = document.querySelector('[data-error-summary]');
    if (summary) summary.focus();
  }

  // Boosted navigation swaps <body> only: take the new page's language from its <html lang>.
  document.addEventListener('htmx:beforeSwap', (event) => {
    var match = /<html[^>]*\slang="([a-zA-Z-]+)"/.exec(event.detail.xhr.responseText || '');
    if (match) document.documentElement.lang = match[1];
  });

  document.addEventListener('DOMContentLoaded', () => {
    scheduleIdleWarning();
    focusErrorSummary();
  });
  document.addEventListener('htmx:afterSettle', () => {
    scheduleIdleWarning();
    focusErrorSummary();
  });
})();
