/**
 * Every part of an account that the copy into PRODUCTION takes along (I1), registered by the
 * module of the feature it belongs to; the production service imports this file alone, so the
 * copy never imports a feature's internals. A new feature with settings to copy adds its
 * `src/<feature>/production-copy.ts` (which calls registerCopyPart) here. The order of the
 * imports is the order of the copy and of the review page's list.
 */
import './parts.ts';
