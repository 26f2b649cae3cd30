import type { MemberRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const RANK: Record<MemberRole, number> = { viewer: 0, editor: 1, owner: 2 };

export const ROLE_LABEL: Record<MemberRole, string> = {
  owner: "Owner",
  editor: "Editor",
  viewer: "Viewer",
};

export function hasRole(actual: MemberRole, required: MemberRole): boolean {
  return RANK[actual] >= RANK[required];
}

export function assertRole(actual: MemberRole, required: MemberRole): void {
  if (!hasRole(actual, required)) {
    throw new AppError(
      "forbidden",
      `Your role (${ROLE_LABEL[actual].toLowerCase()}) cannot do this. Ask a workspace owner for ${ROLE_LABEL[required].toLowerCase()} access.`,
    );
  }
}
