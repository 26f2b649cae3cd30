import type { SelectHTMLAttributes } from "react";
import { ROLE_LABEL } from "@/lib/auth/roles";

const ROLES = ["viewer", "editor", "owner"] as const;

/** The three roles, lowest first. */
export function RoleSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      {...props}
      className={`rounded-lg border border-line-strong bg-white px-2 py-2 text-sm focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/20 ${props.className ?? ""}`}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABEL[r]}
        </option>
      ))}
    </select>
  );
}
