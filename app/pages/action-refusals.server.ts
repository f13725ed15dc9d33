import { ActionNotAllowedError, ActionNotFoundError } from "~/models/actions.server";
import { forbidden, notFound } from "~/utils/http.server";

/** Turns the action model's refusals into the thrown Responses the error boundary shows. */
export async function orRefusal<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ActionNotFoundError) throw notFound(error.message);
    if (error instanceof ActionNotAllowedError) throw forbidden(error.message);
    throw error;
  }
}
