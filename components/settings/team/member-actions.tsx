"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { changeMemberRoleAction, removeMemberAction } from "@/app/(app)/settings/team/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { MemberRole } from "@/lib/db/schema";
import { fromAction, useSubmit } from "@/lib/client/use-submit";
import { RoleSelect } from "./role-select";

/** An owner's controls on another member's row: the role (saved on change) and Remove (confirmed). */
export function MemberActions({
  member,
  lastOwner,
}: {
  member: { userId: string; name: string; email: string; role: MemberRole };
  lastOwner: boolean;
}) {
  const router = useRouter();
  const { pending, error, run } = useSubmit();
  const [confirming, setConfirming] = useState(false);

  async function changeRole(role: MemberRole) {
    const result = await run(async () => fromAction(await changeMemberRoleAction({ userId: member.userId, role })));
    if (result.ok) router.refresh();
  }

  async function remove() {
    const result = await run(async () => fromAction(await removeMemberAction({ userId: member.userId })), {
      key: "remove",
    });
    setConfirming(false);
    if (result.ok) router.refresh();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <RoleSelect
          aria-label={`Role of ${member.name}`}
          value={member.role}
          disabled={pending}
          onChange={(e) => changeRole(e.target.value as MemberRole)}
        />
        <Button
          variant="ghost"
          onClick={() => setConfirming(true)}
          disabled={lastOwner}
          aria-label={`Remove ${member.name}`}
        >
          Remove
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-danger">
          {error.message}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Remove ${member.name}?`}
        body={`${member.email} loses access to this workspace at once. Their renders and scenes stay.`}
        confirmLabel="Remove"
        pending={pending}
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
