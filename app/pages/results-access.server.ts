import {
  getRoundResults,
  ResultsForbiddenError,
  type ClosedRoundResults,
  type ResultsViewer,
} from "~/models/results/index.server";
import { conflict, forbidden, notFound } from "~/utils/http.server";
import { requireId } from "~/utils/params.server";

/** Runs a read of the results gate, turning "not yours to see" into a 403 in plain words. */
export async function withResultsAccess<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ResultsForbiddenError) throw forbidden(error.message);
    throw error;
  }
}

/** The results of the round in the URL for an export: 404 if unknown, 409 while not closed. */
export async function requireClosedRoundResults(
  params: Record<string, string | undefined>,
  viewer: ResultsViewer,
): Promise<ClosedRoundResults> {
  const results = await withResultsAccess(getRoundResults(requireId(params, "roundId"), viewer));
  if (!results) throw notFound("We could not find that round.");
  if (results.state !== "closed") {
    throw conflict("This round is still open. Its results can be exported once it has closed.");
  }
  return results;
}
