"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function UserMenu({ user, compact = false }: { user: { name: string; email: string }; compact?: boolean }) {
  const [pending, setPending] = useState(false);
  return (
    <div className={compact ? "" : "border-t border-line pt-4"}>
      {!compact && (
        <div className="mb-2 px-1">
          <p className="truncate text-sm font-medium text-ink" data-testid="user-name">
            {user.name}
          </p>
          <p className="truncate text-xs text-ink-muted">{user.email}</p>
        </div>
      )}
      <Button
        variant="ghost"
        className={compact ? "px-2" : "w-full justify-start px-1"}
        pending={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/sign-in?notice=signed-out" });
        }}
      >
        Sign out
      </Button>
    </div>
  );
}
