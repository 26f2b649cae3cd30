import type { MemberRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import {
  minimumRole,
  RENDER_TOKEN_SCOPES,
  ROLE_PERMISSIONS,
  shareLinkScopes,
  VIEWER_LINK_SCOPES,
  type Permission,
} from "./permissions";
import { ROLE_LABEL } from "./roles";

/**
 * Who is asking. Every handler gets one from its wrapper (lib/auth/handlers.ts, lib/auth/token-route.ts) and
 * services take it as it is: they read the workspace and the acting user from it and check permissions on it.
 */
export type MemberCaller = { kind: "member"; userId: string; workspaceId: string; role: MemberRole };
/** The public API (/api/v1): a workspace's key with its scopes' permissions (lib/api-keys/resolve-key.ts, apiRoute). */
export type ApiKeyCaller = { kind: "api_key"; keyId: string; workspaceId: string; scopes: readonly Permission[] };
/**
 * A share album's link (`/s/<token>`), or a named guest's mailed link: one album of one workspace, its items only;
 * `guestName` signs the guest's comments and decisions.
 */
export type ShareLinkCaller = {
  kind: "share_link";
  linkId: string;
  workspaceId: string;
  albumId: string;
  guestName: string | null;
  scopes: readonly Permission[];
};
/** A published 3D viewer's public link (`/v/<token>`): one viewer of one product, its files only. */
export type ViewerLinkCaller = {
  kind: "viewer_link";
  viewerId: string;
  workspaceId: string;
  productId: string;
  scopes: readonly Permission[];
};
/** What a render token was signed for: one output, one template preview, one product thumbnail, or the session page. */
export type RenderSubject = { kind: "output" | "thumbnail" | "product" | "session"; id: string };
/** The worker's headless browser: no session, a short-lived token bound to one subject. */
export type RenderTokenCaller = { kind: "render_token"; subject: RenderSubject; scopes: readonly Permission[] };

export type Caller = MemberCaller | ApiKeyCaller | ShareLinkCaller | ViewerLinkCaller | RenderTokenCaller;
/** The callers that act inside one workspace on its data (what the services take). */
export type WorkspaceCaller = MemberCaller | ApiKeyCaller;

export function memberCaller(userId: string, workspaceId: string, role: MemberRole): MemberCaller {
  return { kind: "member", userId, workspaceId, role };
}

export function renderTokenCaller(subject: RenderSubject): RenderTokenCaller {
  return { kind: "render_token", subject, scopes: RENDER_TOKEN_SCOPES };
}

export function viewerLinkCaller(viewer: { id: string; workspaceId: string; productId: string }): ViewerLinkCaller {
  return {
    kind: "viewer_link",
    viewerId: viewer.id,
    workspaceId: viewer.workspaceId,
    productId: viewer.productId,
    scopes: VIEWER_LINK_SCOPES,
  };
}

export function shareLinkCaller(link: {
  id: string;
  workspaceId: string;
  albumId: string;
  guestName: string | null;
  guestEmail: string | null;
  allowDownloads: boolean;
  allowReview: boolean;
}): ShareLinkCaller {
  return {
    kind: "share_link",
    linkId: link.id,
    workspaceId: link.workspaceId,
    albumId: link.albumId,
    guestName: link.guestName ?? link.guestEmail,
    scopes: shareLinkScopes(link),
  };
}

export function permissionsOf(caller: Caller): readonly Permission[] {
  return caller.kind === "member" ? ROLE_PERMISSIONS[caller.role] : caller.scopes;
}

export function callerCan(caller: Caller, permission: Permission): boolean {
  return permissionsOf(caller).includes(permission);
}

/** 403 when the caller lacks `permission`; a member is told which role would do. */
export function assertCan(caller: Caller, permission: Permission): void {
  if (callerCan(caller, permission)) return;
  const needed = minimumRole(permission);
  if (caller.kind === "member" && needed) {
    throw new AppError(
      "forbidden",
      `Your role (${ROLE_LABEL[caller.role].toLowerCase()}) cannot do this. Ask a workspace owner for ${ROLE_LABEL[needed].toLowerCase()} access.`,
    );
  }
  throw new AppError("forbidden", "This key cannot do this.");
}

/** The user a change is recorded against (created_by): an API key acts for nobody in particular. */
export function actingUserId(caller: WorkspaceCaller): string | null {
  return caller.kind === "member" ? caller.userId : null;
}
