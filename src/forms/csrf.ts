/** The hidden field every POST form carries with the session's CSRF token (decision record 0005). */
export const CSRF_FIELD = '_csrf';
/** The header htmx requests carry the same token in (static/app.js). */
export const CSRF_HEADER = 'X-CSRF-Token';
