"use client";

import { useCallback, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { ApiError, ApiResult } from "./api";

/** A server action's result in the API client's shape, so one hook and one error display serve both. */
export function fromAction<T>(result: ActionResult<T>): ApiResult<T> {
  if (result.ok) return result;
  const fields = result.fieldErrors;
  return { ok: false, error: { code: result.code, message: result.error, ...(fields ? { fields } : {}), status: 0 } };
}

/**
 * The one form-state pattern: `pending` while a call runs, `error` from its
 * answer. Forms show `fieldError(name)` beside an input and `error.message` by
 * the button. `keepPending` leaves the button busy after a success that
 * navigates away, so it cannot be pressed twice. A form with several buttons
 * names each call (`key`): `pendingKey` says which button spins.
 */
export function useSubmit() {
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    async <T>(call: () => Promise<ApiResult<T>>, options: { keepPending?: boolean; key?: string } = {}) => {
      setPendingKey(options.key ?? "submit");
      setError(null);
      let result: ApiResult<T>;
      try {
        result = await call();
      } catch {
        result = {
          ok: false,
          error: { code: "network", message: "The server could not be reached. Please try again.", status: 0 },
        };
      }
      if (!result.ok) setError(result.error);
      if (!result.ok || !options.keepPending) setPendingKey(null);
      return result;
    },
    [],
  );

  const fieldError = useCallback((name: string) => error?.fields?.[name], [error]);
  return { pending: pendingKey !== null, pendingKey, error, run, fieldError, setError };
}
