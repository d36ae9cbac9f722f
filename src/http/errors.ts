/**
 * Errors of the web layer itself (a request that cannot be read or trusted). Services never
 * throw these; they throw the domain errors of src/errors.ts. Both reach the one error funnel.
 */
export type HttpErrorKind = 'csrf' | 'tooLarge' | 'badRequest';

const STATUS: Record<HttpErrorKind, 400 | 403 | 413> = { csrf: 403, tooLarge: 413, badRequest: 400 };

export class HttpError extends Error {
  readonly kind: HttpErrorKind;
  readonly status: 400 | 403 | 413;
  constructor(kind: HttpErrorKind, message: string = kind) {
    super(message);
    this.kind = kind;
    this.status = STATUS[kind];
  }
}

/** The Origin or the CSRF token of a state-changing request did not match (403). */
export class CsrfRejected extends HttpError {
  constructor(message = 'csrf check failed') {
    super('csrf', message);
  }
}

/** A body or a parameter that cannot be read at all (400); typed mistakes are 422 form errors instead. */
export class BadRequest extends HttpError {
  constructor(message = 'bad request') {
    super('badRequest', message);
  }
}
