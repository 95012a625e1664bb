/**
 * Errors a user can act on. Domain functions throw these with a translation key (and,
 * for form errors, the field it belongs to); routes turn them into 4xx responses.
 */
export class DomainError extends Error {
  constructor(
    /** Translation key, e.g. "errors.emailTaken". */
    public readonly key: string,
    public readonly status = 400,
    public readonly field?: string,
    public readonly params?: Record<string, string | number>,
  ) {
    super(key);
    this.name = "DomainError";
  }
}

export class ForbiddenError extends DomainError {
  constructor(public readonly action: string) {
    super("errors.forbidden", 403);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends DomainError {
  constructor(key = "errors.notFound") {
    super(key, 404);
    this.name = "NotFoundError";
  }
}
