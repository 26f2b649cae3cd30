"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { cancelInvitationAction, resendInvitationAction } from "@/app/(app)/settings/team/actions";
import { Button } from "@/components/ui/button";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { fromAction, useSubmit } from "@/lib/client/use-submit";
import type { PendingInvitation } from "@/lib/team/invitation-service";

const day = (d: Date | string) => new Date(d).toLocaleDateString(undefined, { day: "numeric", month: "short" });

/** Invitations not yet accepted, each with Resend (a new link, 7 more days) and Cancel (the link dies). */
export function PendingInvitations({ invitations }: { invitations: PendingInvitation[] }) {
  const router = useRouter();
  const { pendingKey, error, run } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  if (invitations.length === 0) return null;

  async function act(kind: "resend" | "cancel", inv: PendingInvitation) {
    setNotice(null);
    const result = await run(
      async () =>
        fromAction(
          kind === "resend"
            ? await resendInvitationAction({ id: inv.id })
            : await cancelInvitationAction({ id: inv.id }),
        ),
      { key: `${kind}:${inv.id}` },
    );
    if (!result.ok) return;
    setNotice(kind === "resend" ? `Sent again to ${inv.email}.` : `Invitation to ${inv.email} cancelled.`);
    router.refresh();
  }

  return (
    <div className="mt-5">
      <h3 className="text-sm font-semibold">Pending invitations</h3>
      <ul className="mt-2 divide-y divide-line" data-testid="invitations">
        {invitations.map((inv) => (
          <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
            <div className="min-w-0">
              <p className="truncate font-medium">{inv.email}</p>
              <p className="text-xs text-ink-muted">
                {ROLE_LABEL[inv.role]} · sent {day(inv.sentAt)} · expires {day(inv.expiresAt)}
              </p>
            </div>
            <div className="flex gap-2">
              <Button
                variant="secondary"
                pending={pendingKey === `resend:${inv.id}`}
                onClick={() => act("resend", inv)}
                aria-label={`Resend invitation to ${inv.email}`}
              >
                Resend
              </Button>
              <Button
                variant="ghost"
                pending={pendingKey === `cancel:${inv.id}`}
                onClick={() => act("cancel", inv)}
                aria-label={`Cancel invitation to ${inv.email}`}
              >
                Cancel
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error.message}
        </p>
      )}
      {notice && (
        <p role="status" className="mt-2 text-sm text-success">
          {notice}
        </p>
      )}
    </div>
  );
}
