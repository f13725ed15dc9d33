/**
 * Reading SQLite's files the way someone with a copy of them would: the pages of the database
 * file and the frames of its write-ahead log, byte by byte (https://sqlite.org/fileformat.html).
 */
import fs from "node:fs";
import Database from "better-sqlite3";

export interface PageLayout {
  table: string;
  pageno: number;
  /** Where each cell's content starts in the page, in the order of the cell pointers (key order). */
  offsets: number[];
}

/** The b-tree pages of the given tables and indexes, with where each cell's content lies. */
export function pageLayouts(file: string, names: string[]): PageLayout[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let pages: { name: string; pageno: number }[];
  try {
    pages = db
      .prepare(
        `SELECT name, pageno FROM dbstat WHERE name IN (${names.map(() => "?").join(", ")}) AND pagetype IN ('leaf', 'internal') ORDER BY name, path`,
      )
      .all(...names) as { name: string; pageno: number }[];
  } finally {
    db.close();
  }
  const bytes = fs.readFileSync(file);
  const pageSize = pageSizeOf(bytes.readUInt16BE(16));
  return pages.map(({ name, pageno }) => {
    const start = (pageno - 1) * pageSize;
    const header = start + (pageno === 1 ? 100 : 0);
    const type = bytes[header];
    const cells = bytes.readUInt16BE(header + 3);
    const pointers = header + (type === 2 || type === 5 ? 12 : 8);
    const offsets = Array.from({ length: cells }, (_, i) => bytes.readUInt16BE(pointers + 2 * i));
    return { table: name, pageno, offsets };
  });
}

const pageSizeOf = (raw: number) => (raw === 1 ? 65536 : raw);

/**
 * Whether a page's cells lie in key order. Written in key order, SQLite places each cell just
 * below the one before, so content offsets fall along the cell pointers; rebalancing a full page
 * may put one cell elsewhere. Written as answers arrive, they lie in arrival order instead.
 */
export function liesInKeyOrder(offsets: number[]): boolean {
  const falling = (list: number[]) => list.every((offset, i) => i === 0 || offset < list[i - 1]);
  if (falling(offsets)) return true;
  return offsets.some((_, skip) => falling(offsets.filter((__, i) => i !== skip)));
}

/**
 * For each page of the file holding at least `min` of the given strings, the strings in the
 * order their bytes lie in the page, as a reader of the file would find them.
 */
export function physicalOrder(file: string, strings: string[], min = 3): string[][] {
  const bytes = fs.readFileSync(file);
  const pageSize = pageSizeOf(bytes.readUInt16BE(16));
  const byPage = new Map<number, { at: number; value: string }[]>();
  for (const value of strings) {
    const needle = Buffer.from(value, "utf8");
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
      const page = Math.floor(at / pageSize);
      const found = byPage.get(page) ?? [];
      if (!found.some((f) => f.value === value)) found.push({ at, value });
      byPage.set(page, found);
    }
  }
  return [...byPage.values()]
    .filter((found) => found.length >= min)
    .map((found) => found.sort((a, b) => b.at - a.at).map((f) => f.value));
}

/** The share of pairs that two orders of the same items put the same way round (1: identical, about 0.5: unrelated). */
export function agreement(order: string[], reference: string[]): number {
  return pooledAgreement([order], reference);
}

/**
 * The share of pairs put the same way round as `reference`, over the pairs of every order
 * together: one page of a dozen rows agrees by chance now and then, all pages together do not.
 */
export function pooledAgreement(orders: string[][], reference: string[]): number {
  const rank = new Map(reference.map((value, i) => [value, i]));
  let same = 0;
  let pairs = 0;
  for (const order of orders) {
    const ranked = order.filter((value) => rank.has(value)).map((value) => rank.get(value)!);
    for (let i = 0; i < ranked.length; i++) {
      for (let j = i + 1; j < ranked.length; j++) {
        pairs++;
        if (ranked[i] < ranked[j]) same++;
      }
    }
  }
  return pairs === 0 ? 1 : same / pairs;
}

export interface WalFrame {
  pageno: number;
  page: Buffer;
}

/** The frames of a write-ahead log file, oldest first. */
export function walFrames(bytes: Buffer): WalFrame[] {
  if (bytes.length < 32) return [];
  const pageSize = bytes.readUInt32BE(8);
  const frames: WalFrame[] = [];
  for (let at = 32; at + 24 + pageSize <= bytes.length; at += 24 + pageSize) {
    frames.push({ pageno: bytes.readUInt32BE(at), page: bytes.subarray(at + 24, at + 24 + pageSize) });
  }
  return frames;
}
