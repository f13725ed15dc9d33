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
