/** Prisma's "unique constraint failed" (P2002), for turning a race into a 409. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}

/** Prisma's "record to update or delete not found" (P2025): the request named nothing. */
export function isRecordMissing(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2025"
  );
}
