import type { Message } from './i18n/catalogue.ts';

/**
 * The errors services and queries throw. They know nothing of HTTP: the one error funnel
 * (src/http/error-funnel.tsx) turns each into its page, or into the 422/409 re-render of the
 * form the route registered (decision record 0006).
 */
export class DomainError extends Error {}

/** A record that does not exist, or belongs to another account: the answer is the same (404). */
export class NotFound extends DomainError {
  constructor(what = 'record') {
    super(`${what} not found`);
  }
}

/** The actor's profile does not allow the action (403). */
export class Forbidden extends DomainError {
  constructor(reason = 'forbidden') {
    super(reason);
  }
}

/**
 * A business rule refused the action. With `field`, the message belongs beside that form field
 * (a field *name*, never an HTML id); without it, it is about the whole action.
 */
export class RuleBroken extends DomainError {
  readonly problem: Message;
  readonly field: string | undefined;
  constructor(problem: Message, field?: string) {
    super(problem.key);
    this.problem = problem;
    this.field = field;
  }
}

/** The edit was based on an older version of the record: nothing was saved (409). */
export class StaleEdit<T = unknown> extends DomainError {
  readonly current: T;
  constructor(current: T) {
    super('stale edit');
    this.current = current;
  }
}

/** The session the action belongs to no longer exists (401). */
export class SessionEnded extends DomainError {
  constructor() {
    super('session ended');
  }
}
