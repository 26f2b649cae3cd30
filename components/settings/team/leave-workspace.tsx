"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { leaveWorkspaceAction } from "@/app/(app)/settings/team/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { fromAction, useSubmit } from "@/lib/client/use-submit";

/** Leave the workspace; the last owner is told why they cannot (before and, if it changed meanwhile, after). */
export function LeaveWorkspace({ lastOwner }: { lastOwner: boolean }) {
  const router = useRouter();
  const { pending, error, run } = useSubmit();
  const [confirming, setConfirming] = useState(false);

  async function leave() {
    const result = await run(async () => fromAction(await leaveWorkspaceAction({})), { keepPending: true });
    setConfirming(false);
    if (!result.ok) return;
    router.replace(result.data.hasWorkspace ? "/products" : "/sign-in?error=NoWorkspace");
    router.refresh();
  }

  return (
    <div className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-line pt-5">
      <p className="text-sm text-ink-muted">
        {lastOwner
          ? "You are the last owner: make someone else an owner before you leave, or delete the workspace."
          : "Leaving removes your access to this workspace at once."}
      </p>
      <Button variant="secondary" onClick={() => setConfirming(true)} disabled={lastOwner}>
        Leave workspace
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-danger">
          {error.message}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Leave this workspace?"
        body="You lose access at once. An owner can invite you again."
        confirmLabel="Leave"
        pending={pending}
        onConfirm={leave}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
