import nodemailer from "nodemailer";
import type { Database } from "@/lib/db";
import { addToOutbox } from "@/lib/db/queries/outbox";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; body: string };

/** Sends with SMTP when SMTP_URL is set; otherwise logs it and keeps it in the outbox so local installs work offline. */
export async function sendMail(db: Database, mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL) {
    const transport = nodemailer.createTransport(SMTP_URL);
    await transport.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.body });
    return;
  }
  console.log(`[mail] no SMTP_URL configured; message to ${mail.to}: ${mail.subject}\n${mail.body}`);
  await addToOutbox(db, mail);
}
