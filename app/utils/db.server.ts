import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { isBusy, retryWhileBusy } from "./busy";
import { databaseFile, resolveDatabaseUrl } from "./database-url";
import { Mutex } from "./mutex";

/**
 * Durability and integrity settings for every connection: WAL so readers never block the
 * writer, FULL sync so an acknowledged answer survives a power cut, foreign keys enforced, and
 * deleted content overwritten with zeros rather than left in the file. The busy timeout is short
 * on purpose: SQLite waits for it synchronously, stopping the whole server. A write that finds
 * another process (the import, a backup, a sqlite3 shell) holding the lock waits for it
 * asynchronously instead (`retryWhileBusy`).
 */
const BUSY_TIMEOUT_MS = 20;
const PRAGMAS = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = FULL;
  PRAGMA foreign_keys = ON;
  PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};
  PRAGMA secure_delete = ON;
`;

/**
 * A write that changes nothing but takes the database's write lock, as the first statement of
 * a transaction: Prisma's adapter begins transactions DEFERRED, and a transaction that has read
 * and then finds another process has written meanwhile can only fail (SQLITE_BUSY_SNAPSHOT).
 * Taking the lock first makes it wait its turn instead, before it has done anything.
 */
const CLAIM_WRITE_LOCK = { sql: 'UPDATE "Setting" SET "value" = "value" WHERE 0', args: [], argTypes: [] };

/**
 * Prisma's SQLite adapter runs every query on one connection and does not keep plain queries
 * out of an open transaction: a query from another request could land inside it and be rolled
 * back with it. This adapter puts statements and whole transactions behind one lock, the same
 * lock that guards the raw connection below.
 */
class SerializedAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly lock: Mutex,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.lock.run(() => retryWhileBusy(() => this.inner.queryRaw(query)));
  }

  executeRaw(query: SqlQuery) {
    return this.lock.run(() => retryWhileBusy(() => this.inner.executeRaw(query)));
  }

  executeScript(script: string) {
    return this.lock.run(() => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) {
    const release = await this.lock.acquire();
    try {
      const transaction = await retryWhileBusy(async () => {
        const started = await this.inner.startTransaction(isolationLevel);
        try {
          await started.executeRaw(CLAIM_WRITE_LOCK);
          return started;
        } catch (error) {
          await started.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
          await started.rollback();
          throw error;
        }
      });
      return releasingOnEnd(transaction, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  dispose() {
    return this.inner.dispose();
  }
}

function releasingOnEnd(transaction: Transaction, release: () => void): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => transaction.commit().finally(release),
    rollback: () => transaction.rollback().finally(release),
  };
}

function serializedFactory(url: string, lock: Mutex): SqlDriverAdapterFactory {
  const inner = new PrismaBetterSQLite3({ url });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      await adapter.executeScript(PRAGMAS);
      return new SerializedAdapter(adapter, lock);
    },
  };
}

function openRawConnection(file: string) {
  const connection = new Database(file);
  connection.exec(PRAGMAS);
  return connection;
}

const writeLock = new Mutex();
const url = resolveDatabaseUrl();

export const prisma = new PrismaClient({
  adapter: serializedFactory(url, writeLock),
  // Transactions queue behind the process-wide lock; give them room to wait their turn.
  transactionOptions: { maxWait: 15_000, timeout: 15_000 },
});

/**
 * The raw connection, for the few paths where Prisma's per-query cost matters (submitting an
 * answer, reading tallies) or where SQLite features are needed (VACUUM INTO). Reads may use it
 * directly; writes go through `writeTransaction`.
 */
export const sqlite = openRawConnection(databaseFile(url));

/**
 * Runs `work` as one synchronous SQLite transaction under the process-wide write lock: nothing
 * else in this process can interleave with it, and it commits (FULL sync) before resolving. It
 * begins IMMEDIATE, so when another process holds the write lock it is refused before `work`
 * runs, and tried again after an asynchronous pause.
 */
export function writeTransaction<T>(work: (db: Database.Database) => T): Promise<T> {
  return writeLock.run(() => retryWhileBusy(() => sqlite.transaction(() => work(sqlite)).immediate()));
}

/**
 * Folds the write-ahead log into the database file and empties it, if nothing stands in the way
 * right now. A reader in another process (a long backup, a sqlite3 shell) keeps the log from
 * being emptied; SQLite would wait for it with the busy timeout, synchronously, holding the
 * write lock all the while. With no busy timeout the checkpoint copies what it can and gives up
 * on emptying the log at once; the next one tries again. True when the log was emptied.
 */
function checkpointWithoutWaiting(): boolean {
  sqlite.pragma("busy_timeout = 0");
  try {
    const [result] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    return result?.busy === 0;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/**
 * Folds the write-ahead log into the database file and empties it. The log keeps commits in the
 * order they happened, and a commit claims an invitation together with its answer; emptying it
 * every few seconds means a copy of the files never holds that order for more than the last
 * moments (the database file itself keeps responses in random-key order).
 */
export function truncateWriteAheadLog(): Promise<boolean> {
  return writeLock.run(checkpointWithoutWaiting);
}

/**
 * Rewrites the whole database file (VACUUM): every table and index is rebuilt in key order, so
 * no page keeps the order rows arrived in, and free pages are dropped. Then empties the log,
 * which held the old pages. Runs under the write lock; answers wait for it.
 */
export function rebuildDatabaseFile(): Promise<void> {
  return writeLock.run(async () => {
    await retryWhileBusy(() => sqlite.exec("VACUUM"));
    checkpointWithoutWaiting();
  });
}
