/**
 * An expected refusal: bad input, not yours, not there, in the way of something, or gone. It
 * carries its HTTP status and a message in plain words for the person who asked; the routes
 * turn it into a Response in one place (`withRefusals` in utils/http.server.ts). A refusal that
 * names a form field is shown next to that field instead (`refusalOf`).
 */
export type RefusalStatus = 400 | 403 | 404 | 409 | 410;

export class HttpError extends Error {
  constructor(
    readonly status: RefusalStatus,
    message: string,
    /** The form field the message belongs next to, if any. */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, field?: string) {
    super(400, message, field);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = "You do not have access to this page.", field?: string) {
    super(403, message, field);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = "We could not find that page.", field?: string) {
    super(404, message, field);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, field?: string) {
    super(409, message, field);
  }
}

export class GoneError extends HttpError {
  constructor(message: string, field?: string) {
    super(410, message, field);
  }
}
