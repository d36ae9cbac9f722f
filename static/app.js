// Guichet's only script. Every page works without it; with it:
// - the idle warning: two minutes before the session's idle timeout a dialog offers to stay signed in.
//   The last activity is shared by every tab of the browser (localStorage), so a tab left alone does
//   not warn while another is in use, and before saying "Your session has ended" the page asks the
//   server (GET data-session-status, which does not extend the session) how long the session has left;
// - after htmx swaps a fragment, the title's "Error: " follows the error summary (WCAG 2.4.2, 3.3.1);
// - focus goes to the error summary, or to the message of a section saved in place, and the page
//   language follows boosted navigation.
(() => {
  var ACTIVITY_KEY = 'guichet.lastActivity ';
  var timer = null;
  /** When the server last saw this browser, as far as this tab knows (Date.now() milliseconds). */
  var lastActivity = 0;
  /** The dialog that says the session has ended: that page stays so until a new page replaces it. */
  var endedDialog = null;
  var asking = false;

  function page() {
    return document.getElementById('page');
  }

  /** The idle settings of this page, or null on a page without a session (login, error pages). */
  function idle() {
    var root = page();
    var timeout = root && Number(root.getAttribute('data-idle-timeout-ms'));
    var dialog = document.getElementById('idle-dialog');
    var status = root?.getAttribute('data-session-status');
    if (!timeout || !dialog || !status) return null;
    return {
      timeout: timeout,
      warning: Number(root.getAttribute('data-idle-warning-ms')),
      status: status,
      key: ACTIVITY_KEY + status,
      dialog: dialog,
    };
  }

  function sharedActivity(settings) {
    try {
      return Number(localStorage.getItem(settings.key)) || 0;
    } catch {
      return 0;
    }
  }

  /** The server has just seen this browser (at `at`): here, and for every other tab through localStorage. */
  function recordActivity(at) {
    var settings = idle();
    if (!settings) return;
    lastActivity = Math.max(lastActivity, at);
    try {
      if (sharedActivity(settings) < lastActivity) localStorage.setItem(settings.key, String(lastActivity));
    } catch {
      // Storage refused (private mode, quota): this tab keeps its own count.
    }
    schedule();
  }

  /** Shows or hides the warning for the latest activity of any tab, and sets the timer for the next step. */
  function schedule() {
    clearTimeout(timer);
    var settings = idle();
    if (!settings || settings.dialog === endedDialog) return;
    lastActivity = Math.max(lastActivity, sharedActivity(settings));
    var now = Date.now();
    var warnAt = lastActivity + settings.timeout - settings.warning;
    var endAt = lastActivity + settings.timeout;
    if (now >= endAt) {
      askServer(settings);
    } else if (now >= warnAt) {
      if (!settings.dialog.open) settings.dialog.showModal();
      timer = setTimeout(schedule, endAt - now);
    } else {
      if (settings.dialog.open) settings.dialog.close();
      timer = setTimeout(schedule, warnAt - now);
    }
  }

  /** The timer ran out: the session may still be alive (used elsewhere), so ask before saying it ended. */
  function askServer(settings) {
    if (asking) return;
    asking = true;
    fetch(settings.status, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then(
        (status) => {
          asking = false;
          if (status.signedIn && status.remainingMs > 0) {
            recordActivity(Date.now() - (settings.timeout - status.remainingMs));
          } else {
            showEnded();
          }
        },
        () => {
          asking = false;
          showEnded();
        },
      );
  }

  function showEnded() {
    clearTimeout(timer);
    var dialog = document.getElementById('idle-dialog');
    if (!dialog) return;
    endedDialog = dialog;
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
        recordActivity(Date.now());
      } else {
        showEnded();
      }
    }, showEnded);
  });

  // Another tab was used (or kept the session alive): start counting from its activity.
  window.addEventListener('storage', (event) => {
    if (event.key?.indexOf(ACTIVITY_KEY) === 0) schedule();
  });

  /**
   * Focus goes to the error summary when the page or the swapped fragment has one, else to the
   * message of a section saved in place (it says what happened, beside where the user was).
   */
  function focusErrorSummary() {
    var summary = document.querySelector('[data-error-summary]') || document.querySelector('[data-saved-notice]');
    if (summary) summary.focus();
  }

  /**
   * After htmx swapped a fragment (a form with its errors), the title says "Error: " exactly when
   * the page shows an error summary. A whole page (boosted navigation) brought its own title.
   */
  function syncErrorTitle(responseText) {
    if (/<title[\s>]/i.test(responseText || '')) return;
    var prefix = page()?.getAttribute('data-error-title-prefix');
    if (!prefix) return;
    var hasErrors = Boolean(document.querySelector('[data-error-summary]'));
    var prefixed = document.title.indexOf(prefix) === 0;
    if (hasErrors && !prefixed) document.title = prefix + document.title;
    else if (!hasErrors && prefixed) document.title = document.title.slice(prefix.length);
  }

  // Boosted navigation swaps <body> only: take the new page's language from its <html lang>.
  document.addEventListener('htmx:beforeSwap', (event) => {
    var match = /<html[^>]*\slang="([a-zA-Z-]+)"/.exec(event.detail.xhr.responseText || '');
    if (match) document.documentElement.lang = match[1];
  });

  // Any answer from the server to a signed-in page counts as activity (the session was extended).
  document.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.xhr && event.detail.xhr.status > 0) recordActivity(Date.now());
  });

  document.addEventListener('DOMContentLoaded', () => {
    recordActivity(Date.now());
    focusErrorSummary();
  });
  document.addEventListener('htmx:afterSettle', (event) => {
    syncErrorTitle(event.detail.xhr?.responseText);
    schedule();
    focusErrorSummary();
  });
})();
