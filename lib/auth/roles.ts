import type { MemberRole } from "@/lib/db/schema";

export const ROLE_LABEL: Record<MemberRole, string> = {
  owner: "Owner",
  editor: "Editor",
  viewer: "Viewer",
};
