import crypto from "node:crypto";

/**
 * A file uploaded for an import that needs one more step (choosing its columns), kept in memory
 * for the one who uploaded it, so that they do not have to choose the file again. A few at a
 * time, for half an hour; after a restart the file must be uploaded again.
 */
const KEPT_MS = 30 * 60 * 1000;
const MAX_KEPT = 20;

interface PendingUpload {
  userId: string;
  name: string;
  text: string;
  keptAt: number;
}

const pending = new Map<string, PendingUpload>();

export function keepUpload(userId: string, name: string, text: string, now = Date.now()): string {
  for (const [id, upload] of pending) if (now - upload.keptAt > KEPT_MS) pending.delete(id);
  while (pending.size >= MAX_KEPT) pending.delete(pending.keys().next().value!);
  const id = crypto.randomBytes(16).toString("base64url");
  pending.set(id, { userId, name, text, keptAt: now });
  return id;
}

/** The upload kept under `id` for this user; null when there is none (expired, or another's). */
export function keptUpload(userId: string, id: string, now = Date.now()): { name: string; text: string } | null {
  const upload = pending.get(id);
  if (!upload || upload.userId !== userId || now - upload.keptAt > KEPT_MS) return null;
  return { name: upload.name, text: upload.text };
}

export function dropUpload(id: string): void {
  pending.delete(id);
}
