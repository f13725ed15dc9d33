import { describe, expect, it } from "vitest";
import { prisma, sqlite, writeTransaction } from "~/utils/db.server";

describe("the SQLite connection", () => {
  it("runs with WAL, full sync, foreign keys and a short busy timeout (longer waits happen between turns of the event loop)", async () => {
    const pragma = async (name: string) =>
      Object.values((await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0])[0];
    expect(await pragma("journal_mode")).toBe("wal");
    expect(Number(await pragma("synchronous"))).toBe(2);
    expect(Number(await pragma("foreign_keys"))).toBe(1);
    expect(Number(await pragma("busy_timeout"))).toBe(20);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(20);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("refuses a row that points at nothing, as a foreign key violation, and stores nothing", async () => {
    await expect(
      prisma.person.create({ data: { email: "x@y.z", name: "X", departmentId: "nope", roleId: "nope" } }),
    ).rejects.toMatchObject({ code: "P2003" });
    expect(await prisma.person.count({ where: { email: "x@y.z" } })).toBe(0);
    expect(sqlite.prepare("SELECT COUNT(*) AS n FROM Person WHERE email = ?").get("x@y.z")).toEqual({ n: 0 });
  });

  it("keeps a plain write that runs while another request's transaction fails", async () => {
    // Prisma's adapter shares one connection; without the lock, the plain insert below would
    // run inside the open transaction and vanish with its rollback.
    let inserted!: () => void;
    const insideTransaction = new Promise<void>((resolve) => (inserted = resolve));
    const failing = prisma
      .$transaction(async (tx) => {
        await tx.setting.create({ data: { key: "in-failed-tx", value: "1" } });
        inserted();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("rolled back on purpose");
      })
      .catch((error: Error) => error.message);
    await insideTransaction;
    await prisma.setting.create({ data: { key: "plain", value: "1" } });
    expect(await failing).toBe("rolled back on purpose");
    const keys = (await prisma.setting.findMany()).map((s) => s.key);
    expect(keys).toContain("plain");
    expect(keys).not.toContain("in-failed-tx");
  });

  it("queues raw transactions behind Prisma's and commits both", async () => {
    const prismaTx = prisma.$transaction(async (tx) => {
      await tx.setting.create({ data: { key: "a", value: "1" } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      await tx.setting.create({ data: { key: "b", value: "1" } });
    });
    const raw = writeTransaction((db) => db.prepare("INSERT INTO Setting (key, value) VALUES ('c', '1')").run());
    await Promise.all([prismaTx, raw]);
    expect((await prisma.setting.findMany({ where: { key: { in: ["a", "b", "c"] } } })).length).toBe(3);
  });

  it("rolls a raw transaction back whole when it throws", async () => {
    await expect(
      writeTransaction((db) => {
        db.prepare("INSERT INTO Setting (key, value) VALUES ('half', '1')").run();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await prisma.setting.findUnique({ where: { key: "half" } })).toBeNull();
  });
});
