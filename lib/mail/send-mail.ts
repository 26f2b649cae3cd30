import nodemailer from "nodemailer";
import type { Database } from "@/lib/db";
import { addToOutbox } from "@/lib/db/queries/outbox";
import { devOutboxEnabled, env } from "@/lib/env";

export type Mail = { to: string; subject: string; body: string };

/**
 * Where mail goes: SMTP when SMTP_URL is set; else the dev outbox (development, or DEV_OUTBOX=on); else nowhere.
 * A production server without SMTP must never keep mail anywhere readable: a reset link in a page or a log
 * is a password for whoever reads it.
 */
export type MailDelivery = "smtp" | "outbox" | "none";

export function mailDelivery(): MailDelivery {
  if (env().SMTP_URL) return "smtp";
  return devOutboxEnabled() ? "outbox" : "none";
}

/** Sends a mail; false when this server has no way to deliver it (nothing is stored or logged but the subject). */
export async function sendMail(db: Database, mail: Mail): Promise<boolean> {
  const { SMTP_URL, MAIL_FROM, NODE_ENV } = env();
  const delivery = mailDelivery();
  if (delivery === "smtp") {
    const transport = nodemailer.createTransport(SMTP_URL!);
    await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.body });
    return true;
  }
  if (delivery === "none") {
    console.warn(`[mail] not sent, no SMTP_URL configured: "${mail.subject}"`);
    return false;
  }
  await addToOutbox(db, mail);
  // Only `npm run dev` prints the body (its links included); elsewhere the outbox page is the one place to read it.
  if (NODE_ENV === "development") console.log(`[mail] to ${mail.to}: ${mail.subject}\n${mail.body}`);
  else console.log(`[mail] kept in /dev/outbox: "${mail.subject}"`);
  return true;
}
