import { z } from "zod";
import { IMPORT_COLUMNS, type ColumnMapping } from "~/domain/import-columns";
import { prisma } from "~/utils/db.server";
import { recordAudit, type Actor } from "./audit.server";

const COMPANY_NAME = "companyName";

/** The name that fills {company} in survey wordings; null until HR sets it. */
export async function getCompanyName(): Promise<string | null> {
  const setting = await prisma.setting.findUnique({ where: { key: COMPANY_NAME }, select: { value: true } });
  return setting?.value ?? null;
}

export async function setCompanyName(actor: Actor, name: string): Promise<void> {
  const before = await getCompanyName();
  if (before === name) return;
  await prisma.setting.upsert({
    where: { key: COMPANY_NAME },
    create: { key: COMPANY_NAME, value: name },
    update: { value: name },
  });
  await recordAudit(actor, "setting.company-name", name, before === null ? "" : `was "${before}"`);
}

const LINK_DOWNLOADS = "personalLinksDownload";

/**
 * Whether HR switched on downloading personal links as a file while e-mail is set up. Off by
 * default: whoever holds such a file can answer in anyone's name, people made up for the
 * purpose included.
 */
export async function getLinkDownloadsAllowed(): Promise<boolean> {
  const setting = await prisma.setting.findUnique({ where: { key: LINK_DOWNLOADS }, select: { value: true } });
  return setting?.value === "on";
}

export async function setLinkDownloadsAllowed(actor: Actor, allowed: boolean): Promise<void> {
  if ((await getLinkDownloadsAllowed()) === allowed) return;
  const value = allowed ? "on" : "off";
  await prisma.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: LINK_DOWNLOADS },
      create: { key: LINK_DOWNLOADS, value },
      update: { value },
    });
    await recordAudit(actor, "setting.links-download", allowed ? "allowed" : "not allowed", value, tx);
  });
}

const IMPORT_COLUMNS_KEY = "importColumns";

/** The columns HR last chose for a directory import, used for the next one (app and CLI). */
export async function getImportColumns(): Promise<ColumnMapping | null> {
  const setting = await prisma.setting.findUnique({ where: { key: IMPORT_COLUMNS_KEY }, select: { value: true } });
  if (!setting) return null;
  const parsed = columnMappingSchema.safeParse(JSON.parse(setting.value));
  return parsed.success ? parsed.data : null;
}

export async function setImportColumns(actor: Actor, mapping: ColumnMapping): Promise<void> {
  const value = JSON.stringify(mapping);
  await prisma.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: IMPORT_COLUMNS_KEY },
      create: { key: IMPORT_COLUMNS_KEY, value },
      update: { value },
    });
    const described = IMPORT_COLUMNS.map((column) => `${column}: "${mapping[column]}"`).join(", ");
    await recordAudit(actor, "setting.import-columns", "directory import", described, tx);
  });
}

const columnMappingSchema = z.object(
  Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, z.string().min(1)])) as Record<
    (typeof IMPORT_COLUMNS)[number],
    z.ZodString
  >,
);
