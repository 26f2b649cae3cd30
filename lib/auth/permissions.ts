import type { MemberRole } from "@/lib/db/schema";

/**
 * What a caller may do, by name. Handlers and services ask for a permission, never a role: a role is only one
 * way to hold permissions (an API key or a share link holds its own scopes, a render token its narrow one).
 * No imports beyond types, so the e2e matrix can read the same table.
 */
export const PERMISSIONS = [
  "workspace.view",
  "products.view",
  "scenes.view",
  "templates.view",
  "renders.view",
  "brand_kit.view",
  "products.write",
  "scenes.write",
  "templates.write",
  "previews.queue",
  "variations.create",
  "renders.create",
  "renders.delete",
  "brand_kit.write",
  "workspace.manage",
  "billing.manage",
  "render_models.read",
  "viewers.publish",
  "viewer_files.read",
  "webhooks.manage",
  "albums.view",
  "albums.manage",
  "reviews.write",
  "share.view",
  "share.download",
  "share.review",
  "integrations.manage",
  "shopify.push",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: readonly Permission[] = [
  "workspace.view",
  "products.view",
  "scenes.view",
  "templates.view",
  "renders.view",
  "brand_kit.view",
  "albums.view",
  "reviews.write",
];
const EDITOR: readonly Permission[] = [
  ...VIEWER,
  "products.write",
  "scenes.write",
  "templates.write",
  "previews.queue",
  "variations.create",
  "renders.create",
  "renders.delete",
  "brand_kit.write",
  "viewers.publish",
  "albums.manage",
  "shopify.push",
];
const OWNER: readonly Permission[] = [
  ...EDITOR,
  "workspace.manage",
  "billing.manage",
  "webhooks.manage",
  "integrations.manage",
];

/** Roles, lowest first: owner > editor > viewer, each holding everything the one below holds. */
export const ROLE_ORDER: readonly MemberRole[] = ["viewer", "editor", "owner"];
export const ROLE_PERMISSIONS: Record<MemberRole, readonly Permission[]> = {
  viewer: VIEWER,
  editor: EDITOR,
  owner: OWNER,
};

/** A render token opens the models of the one render it was signed for, nothing else. */
export const RENDER_TOKEN_SCOPES: readonly Permission[] = ["render_models.read"];

/** A published viewer's link opens that viewer's own files (model, poster), nothing else. */
export const VIEWER_LINK_SCOPES: readonly Permission[] = ["viewer_files.read"];

/** A share album's link: its album's items; downloads and review only when the link allows them. */
export function shareLinkScopes(link: { allowDownloads: boolean; allowReview: boolean }): readonly Permission[] {
  return [
    "share.view",
    ...(link.allowDownloads ? (["share.download"] as const) : []),
    ...(link.allowReview ? (["share.review"] as const) : []),
  ];
}

export function roleCan(role: MemberRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The lowest role that holds `permission`, or null when no member role does (render tokens' scopes). */
export function minimumRole(permission: Permission): MemberRole | null {
  return ROLE_ORDER.find((role) => roleCan(role, permission)) ?? null;
}
