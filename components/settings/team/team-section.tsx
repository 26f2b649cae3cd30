import { ROLE_LABEL } from "@/lib/auth/roles";
import type { MemberRole } from "@/lib/db/schema";
import type { PendingInvitation } from "@/lib/team/invitation-service";
import type { Seats } from "@/lib/team/seats";
import { InviteForm } from "./invite-form";
import { LeaveWorkspace } from "./leave-workspace";
import { MemberActions } from "./member-actions";
import { PendingInvitations } from "./pending-invitations";

type Member = { userId: string; name: string; email: string; role: MemberRole };

/** Settings → Members: who is in the workspace, pending invitations, and (for owners) inviting and managing. */
export function TeamSection({
  members,
  invitations,
  seats,
  currentUserId,
  canManage,
}: {
  members: Member[];
  invitations: PendingInvitation[];
  seats: Seats;
  currentUserId: string;
  canManage: boolean;
}) {
  const owners = members.filter((m) => m.role === "owner").length;
  return (
    <section aria-labelledby="members-title" className="rounded-2xl border border-line bg-white p-6 shadow-card">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="members-title" className="text-base font-semibold">
          Members
        </h2>
        <p className="text-xs text-ink-muted" data-testid="seats">
          {seats.limit === null
            ? `${seats.members} member${seats.members === 1 ? "" : "s"}`
            : `${seats.used} of ${seats.limit} seats used (${seats.planName})`}
        </p>
      </div>
      <p className="mt-1 text-sm text-ink-muted">
        Owners manage billing and members, editors create and export, viewers look and download.
      </p>
      <ul className="mt-4 divide-y divide-line" data-testid="members">
        {members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium">
                {m.name}
                {m.userId === currentUserId && <span className="ml-1 font-normal text-ink-muted">(you)</span>}
              </p>
              <p className="truncate text-ink-muted">{m.email}</p>
            </div>
            {canManage && m.userId !== currentUserId ? (
              <MemberActions member={m} lastOwner={m.role === "owner" && owners === 1} />
            ) : (
              <span className="rounded-full bg-canvas-sunken px-2 py-0.5 text-xs font-medium text-ink-soft">
                {ROLE_LABEL[m.role]}
              </span>
            )}
          </li>
        ))}
      </ul>
      {canManage && <PendingInvitations invitations={invitations} />}
      {canManage && <InviteForm seats={seats} />}
      <LeaveWorkspace
        lastOwner={owners === 1 && members.some((m) => m.userId === currentUserId && m.role === "owner")}
      />
    </section>
  );
}
