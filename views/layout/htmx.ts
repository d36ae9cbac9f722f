/** The pinned htmx build, copied from the htmx.org package (see docs/decisions/0003). */
export const HTMX_VERSION = '2.0.11';
/** The file under static/; pages link to it by its hashed name (src/http/static-files.ts). */
export const HTMX_FILE = `htmx-${HTMX_VERSION}.min.js`;
export const HTMX_SCRIPT = `/static/${HTMX_FILE}`;

/**
 * htmx settings: 422 (form errors) and error pages swap like 200; 204 swaps nothing; no eval,
 * no inline indicator styles (CSP), and no page snapshots kept in localStorage.
 */
export const HTMX_CONFIG = JSON.stringify({
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '422', swap: true },
    { code: '[45]..', swap: true, error: true },
  ],
  allowEval: false,
  allowScriptTags: false,
  includeIndicatorStyles: false,
  historyCacheSize: 0,
  refreshOnHistoryMiss: true,
  selfRequestsOnly: true,
});
