import type { ActionInput } from "~/domain/action-items";
import { BadRequestError, ForbiddenError, NotFoundError } from "~/domain/http-error";

/** The action modules' refusals: an item that is not there, not the viewer's, or input they cannot take. */
export class ActionNotFoundError extends NotFoundError {
  constructor() {
    super("There is no such action item.");
  }
}

export class ActionNotAllowedError extends ForbiddenError {
  constructor(message = "You do not have access to this action item.") {
    super(message);
  }
}

/** Input the form could not know was wrong (an inactive owner, a group that no longer exists). */
export class ActionInputError extends BadRequestError {
  declare readonly field: keyof ActionInput;
  constructor(field: keyof ActionInput, message: string) {
    super(message, field);
  }
}
