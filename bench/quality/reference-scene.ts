/** A fixed reference scene of bench:quality: a whole scene document with the sample product it shows. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SceneDocument } from "../../lib/scene";

export interface ReferenceScene {
  id: string;
  description: string;
  /** The built-in template it was made from (for the record; the document is what is drawn). */
  templateId: string;
  productId: string;
  document: SceneDocument;
}

export const SCENES_DIR = path.join(__dirname, "scenes");
export const REFERENCES_DIR = path.join(__dirname, "references");

export function loadReferenceScenes(): ReferenceScene[] {
  return readdirSync(SCENES_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(SCENES_DIR, name), "utf8")) as ReferenceScene);
}
