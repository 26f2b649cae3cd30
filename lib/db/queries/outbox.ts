import { desc } from "drizzle-orm";
import type { Database } from "../index";
import { mailOutbox } from "../schema";
import { newId } from "@/lib/ids";

export async function addToOutbox(db: Database, mail: { to: string; subject: string; body: string }) {
  await db.insert(mailOutbox).values({ id: newId("mail"), ...mail });
}

export async function listOutbox(db: Database, limit = 50) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
