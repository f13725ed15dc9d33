import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseFile, resolveDatabaseUrl } from "./database-url";
import { Mutex } from "./mutex";

/**
 * Durability and integrity settings for every connection: WAL so readers never block the
 * writer, FULL sync so an acknowledged answer survives a power cut, foreign keys enforced, a
 * busy timeout for the rare write from another process (a CLI import, a backup), and deleted
 * content overwritten with zeros rather than left in the file.
 */
const PRAGMAS = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = FULL;
  PRAGMA foreign_keys = ON;
  PRAGMA busy_timeout = 5000;
  PRAGMA secure_delete = ON;
`;

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
    return this.lock.run(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.lock.run(() => this.inner.executeRaw(query));
  }

  executeScript(script: string) {
    return this.lock.run(() => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: Parameters<SqlDriverAdapter["startTransaction"]>[0]) {
    const release = await this.lock.acquire();
    try {
      const transaction = await this.inner.startTransaction(isolationLevel);
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
 * else in this process can interleave with it, and it commits (FULL sync) before resolving.
 */
export function writeTransaction<T>(work: (db: Database.Database) => T): Promise<T> {
  return writeLock.run(() => sqlite.transaction(() => work(sqlite)).immediate());
}

/**
 * Folds the write-ahead log into the database file and empties it. The log keeps commits in the
 * order they happened, and a commit claims an invitation together with its answer; emptying it
 * every few seconds means a copy of the files never holds that order for more than the last
 * moments (the database file itself keeps responses in random-key order).
 */
export function truncateWriteAheadLog(): Promise<void> {
  return writeLock.run(() => {
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  });
}

/**
 * Rewrites the whole database file (VACUUM): every table and index is rebuilt in key order, so
 * no page keeps the order rows arrived in, and free pages are dropped. Then empties the log,
 * which held the old pages. Runs under the write lock; answers wait for it.
 */
export function rebuildDatabaseFile(): Promise<void> {
  return writeLock.run(() => {
    sqlite.exec("VACUUM");
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  });
}
