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
