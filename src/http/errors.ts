/** Errors that the one error funnel (app.onError) turns into pages. Services throw the domain ones. */
export type ErrorKind = 'notFound' | 'forbidden' | 'csrf' | 'session' | 'tooLarge' | 'badRequest';

const STATUS: Record<ErrorKind, 400 | 401 | 403 | 404 | 413> = {
  notFound: 404,
  forbidden: 403,
  csrf: 403,
  session: 401,
  tooLarge: 413,
  badRequest: 400,
};

export class HttpError extends Error {
  readonly kind: ErrorKind;
  readonly status: 400 | 401 | 403 | 404 | 413;
  constructor(kind: ErrorKind, message: string = kind) {
    super(message);
    this.kind = kind;
    this.status = STATUS[kind];
  }
}

/** A record that does not exist, or belongs to another account: the answer is the same. */
export class NotFound extends HttpError {
  constructor(message = 'not found') {
    super('notFound', message);
  }
}

export class Forbidden extends HttpError {
  constructor(message = 'forbidden') {
    super('forbidden', message);
  }
}

export class CsrfRejected extends HttpError {
  constructor(message = 'csrf check failed') {
    super('csrf', message);
  }
}

export class SessionEnded extends HttpError {
  constructor() {
    super('session', 'session ended');
  }
}

export class BadRequest extends HttpError {
  constructor(message = 'bad request') {
    super('badRequest', message);
  }
}
