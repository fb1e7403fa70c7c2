/**
 * Errors that application and domain code throw to say *why* a request cannot be served.
 * Transports map `code` to a status (HTTP 4xx, or a DLQ reason for events); the body stays
 * machine-readable: `{ error: { code, message, details } }`.
 */
export type ErrorDetail = { field?: string; message: string };

export abstract class ApplicationError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is well-formed but breaks a rule (HTTP 422 / 400). */
export class ValidationError extends ApplicationError {
  readonly status = 400;
}

export class NotFoundError extends ApplicationError {
  readonly status = 404;
  constructor(entity: string, id: string) {
    super(`${entity.toUpperCase().replace(/\W+/g, '_')}_NOT_FOUND`, `${entity} ${id} was not found`, [
      { field: 'id', message: `no ${entity} with id ${id}` },
    ]);
  }
}

/** The request conflicts with the current state (duplicate, already done, wrong state). */
export class ConflictError extends ApplicationError {
  readonly status = 409;
}

/** The caller did not prove who it is (a missing or wrong token or signature). */
export class UnauthenticatedError extends ApplicationError {
  readonly status = 401;
}

/** The caller is authenticated but outside the area or role this action needs. */
export class ForbiddenError extends ApplicationError {
  readonly status = 403;
}

/** A dependency (database, broker) is down; the caller may retry. */
export class UnavailableError extends ApplicationError {
  readonly status = 503;
}
