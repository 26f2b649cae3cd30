/**
 * Errors thrown by the scene module. They carry structured issues so the API
 * can answer a bad request with field-level messages instead of a stack trace.
 */

export interface SceneIssue {
  /** Dotted path into the document, e.g. "background.color" or "products.0.position"; "" = the root. */
  path: string;
  message: string;
}

export class SceneValidationError extends Error {
  readonly issues: SceneIssue[];

  constructor(issues: SceneIssue[], message?: string) {
    super(message ?? `Invalid scene document: ${issues.map(formatIssue).join("; ")}`);
    this.name = "SceneValidationError";
    this.issues = issues;
  }
}

/** A document whose version cannot be migrated (missing, malformed, or newer than this build). */
export class SceneVersionError extends SceneValidationError {
  constructor(message: string) {
    super([{ path: "version", message }], message);
    this.name = "SceneVersionError";
  }
}

export function formatIssue(issue: SceneIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}
