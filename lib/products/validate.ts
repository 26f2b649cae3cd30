import { AppError } from "@/lib/errors";
import type { ProductWarning } from "@/lib/db/schema";
import { resolveUploadPath } from "./gltf-container";
import path from "node:path";
import { runtimeRequire } from "./runtime-require";

type ValidatorMessage = { code: string; message: string; severity: number; pointer?: string };
type ValidatorReport = { issues: { numErrors: number; numWarnings: number; messages: ValidatorMessage[] } };
type Validator = {
  validateBytes(
    data: Uint8Array,
    options?: {
      uri?: string;
      maxIssues?: number;
      ignoredIssues?: string[];
      externalResourceFunction?: (uri: string) => Promise<Uint8Array>;
    },
  ): Promise<ValidatorReport>;
};

// gltf-validator ships no type declarations; a plain require keeps it out of the bundler's way.
let validator: Validator | undefined;
export function getValidator(): Validator {
  validator ??= runtimeRequire<Validator>("gltf-validator");
  return validator;
}

/** Validator codes that say nothing useful to someone with no 3D background. */
const IGNORED = ["UNUSED_OBJECT", "UNSUPPORTED_EXTENSION", "NODE_EMPTY", "MESH_PRIMITIVE_GENERATED_TANGENT_SPACE"];

function plain(m: ValidatorMessage): string {
  const where = m.pointer ? ` (at ${m.pointer})` : "";
  return `${m.message.replace(/\.$/, "")}${where}`;
}

/**
 * Runs the Khronos glTF validator over the main file, serving external
 * resources only from the same upload. Errors refuse the upload with the first
 * few messages; warnings are returned to be shown with the product.
 */
export async function validateGltf(mainPath: string, files: Map<string, Uint8Array>): Promise<ProductWarning[]> {
  const bytes = files.get(mainPath);
  if (!bytes) throw new AppError("bad_request", "The model file is missing from the upload.");
  const baseDir = path.posix.dirname(mainPath);
  let report: ValidatorReport;
  try {
    report = await getValidator().validateBytes(bytes, {
      uri: mainPath,
      maxIssues: 200,
      ignoredIssues: IGNORED,
      externalResourceFunction: async (uri: string) => {
        // The validator hands over URIs relative to the main file; nothing outside the upload is ever read.
        const rel = uri.startsWith(baseDir + "/") ? uri.slice(baseDir.length + 1) : uri;
        const target = resolveUploadPath(baseDir, rel) ?? resolveUploadPath(".", uri);
        const data = target ? files.get(target) : undefined;
        if (!data) throw new Error(`Not in the upload: ${uri}`);
        return data;
      },
    });
  } catch (err) {
    throw new AppError(
      "unprocessable",
      `The model could not be checked: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const errors = report.issues.messages.filter((m) => m.severity === 0);
  if (errors.length) {
    const shown = errors.slice(0, 3).map(plain);
    const more = report.issues.numErrors > shown.length ? ` (and ${report.issues.numErrors - shown.length} more)` : "";
    throw new AppError(
      "unprocessable",
      `This file is not a valid glTF model: ${shown.join("; ")}${more}. Export it again from your 3D tool as glTF 2.0.`,
    );
  }
  return report.issues.messages
    .filter((m) => m.severity === 1)
    .slice(0, 20)
    .map((m) => ({ code: m.code, message: m.message, pointer: m.pointer }));
}
