import type { Permission } from "@/lib/auth/permissions";
import type { ApiKeyScope } from "@/lib/db/schema";

export const API_KEY_SCOPES = ["read", "render", "manage"] as const satisfies readonly ApiKeyScope[];

export const SCOPE_LABEL: Record<ApiKeyScope, { name: string; description: string }> = {
  read: { name: "Read", description: "List and read products, templates, scenes and renders; download files." },
  render: { name: "Render", description: "Create scenes from templates, edit them and start or cancel renders." },
  manage: { name: "Manage", description: "Upload and delete products, delete renders." },
};

/**
 * What each scope lets a key do, as the permissions services already check. A key never holds workspace or billing
 * management: those stay with the workspace's owners in the app.
 */
export const SCOPE_PERMISSIONS: Record<ApiKeyScope, readonly Permission[]> = {
  read: ["workspace.view", "products.view", "scenes.view", "templates.view", "renders.view", "brand_kit.view"],
  render: ["scenes.write", "renders.create"],
  manage: ["products.write", "renders.delete"],
};

export function permissionsForScopes(scopes: readonly ApiKeyScope[]): Permission[] {
  return [...new Set(scopes.flatMap((s) => SCOPE_PERMISSIONS[s]))];
}

/** The scope a key needs for a permission (for the 403's message). */
export function scopeFor(permission: Permission): ApiKeyScope | null {
  return API_KEY_SCOPES.find((s) => SCOPE_PERMISSIONS[s].includes(permission)) ?? null;
}
