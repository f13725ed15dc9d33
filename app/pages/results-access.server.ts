import { ConflictError, NotFoundError } from "~/domain/http-error";
import { getRoundResults, type ClosedRoundResults, type ResultsViewer } from "~/models/results/index.server";
import { requireId } from "~/utils/params.server";

/** The results of the round in the URL for an export: 404 if unknown, 409 while not closed. */
export async function requireClosedRoundResults(
  params: Record<string, string | undefined>,
  viewer: ResultsViewer,
): Promise<ClosedRoundResults> {
  const results = await getRoundResults(requireId(params, "roundId"), viewer);
  if (!results) throw new NotFoundError("We could not find that round.");
  if (results.state !== "closed") {
    throw new ConflictError("This round is still open. Its results can be exported once it has closed.");
  }
  return results;
}
