/**
 * Submitting answers through the built server: 50 concurrent clients, each POSTing the survey
 * form of its next personal link, as fast as the server answers. Goal: at least 1,000
 * responses a second sustained, p99 under 100 ms, no errors, and every acknowledged answer
 * stored.
 */
import { cpuSeconds, runLoad, type LoadRequest } from "../../support/load";
import { prepareLoadDatabase } from "../../support/load-data";
import { removeDatabaseFile } from "../../support/server";
import type { BenchCase } from "../run";

const CLIENTS = 50;
const PEOPLE = 24_000;

const bench: BenchCase = {
  title: "Submitting answers",
  goal: "at least 1,000 responses/s sustained with 50 concurrent clients, p99 under 100 ms, zero errors, zero lost responses",
  async run() {
    const { db, startServer, surveyFields } = await prepareLoadDatabase("bench-submissions");
    const round = await db.openRoundWithInvitations(PEOPLE, { departments: 40, roles: 12 });
    const server = await startServer({ LOG_REQUESTS: "false" });
    try {
      // Warm up the server (first requests compile and fill caches), then measure.
      let index = 0;
      const request = (): LoadRequest | null => {
        const token = round.tokens[index++];
        if (!token) return null;
        return { method: "POST", path: `/a/${token}`, body: surveyFields(round.questions, index) };
      };
      const warmUp = 2_000;
      await runLoad(server.url, CLIENTS, () => (index < warmUp ? request() : null));
      const acknowledged = { count: 0 };
      const cpuBefore = cpuSeconds(server.process.pid!);
      const result = await runLoad(server.url, CLIENTS, request, (_, status) => {
        if (status === 302) acknowledged.count++;
      });
      const cpuPerRequest = ((cpuSeconds(server.process.pid!) - cpuBefore) / result.requests) * 1000;
      const stored = db.countResponses(round.id) - warmUp;
      const okStatuses = result.statuses.get(302) ?? 0;
      const met =
        result.perSecond >= 1000 &&
        result.p99 < 100 &&
        result.errors === 0 &&
        okStatuses === result.requests &&
        stored === acknowledged.count;
      return {
        met,
        lines: [
          "| measure | value |",
          "| --- | --- |",
          `| submissions | ${result.requests} in ${result.seconds.toFixed(1)} s (after ${warmUp} warm-up) |`,
          `| throughput | ${Math.round(result.perSecond)} responses/s |`,
          `| latency p50 / p99 / max | ${result.p50.toFixed(1)} / ${result.p99.toFixed(1)} / ${result.max.toFixed(1)} ms |`,
          `| server CPU per submission | ${cpuPerRequest.toFixed(2)} ms |`,
          `| errors (non-302 or failed) | ${result.requests - okStatuses} |`,
          `| acknowledged vs stored | ${acknowledged.count} acknowledged, ${stored} stored |`,
          "",
          `Setup: ${PEOPLE} invited people over 40 departments x 12 roles, survey with the 0-10 question, two open questions and a rating item, all answered; ${CLIENTS} keep-alive clients in a second process on the same machine; \`synchronous=FULL\`.`,
        ],
      };
    } finally {
      await server.stop();
      db.close();
      removeDatabaseFile(db.file);
    }
  },
};

export default bench;
