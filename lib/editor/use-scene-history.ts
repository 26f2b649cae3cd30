"use client";
import { useCallback, useMemo, useReducer } from "react";
import type { SceneDocument } from "../scene";
import { applyCommand, type SceneCommand } from "./commands";
import { canRedo, canUndo, createHistory, endCoalescing, push, redo, undo, type History } from "./history";

type State = { history: History<SceneDocument>; error: string | null };

type Action =
  | { type: "execute"; command: SceneCommand }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "endCoalescing" }
  | { type: "clearError" };

/** A readable message for a rejected command (validation issues name the field). */
export function describeCommandError(error: unknown): string {
  const issues = (error as { issues?: { path?: (string | number)[]; message?: string }[] } | null)?.issues;
  if (Array.isArray(issues) && issues[0]) {
    const path = (issues[0].path ?? []).join(".");
    return `${path ? `${path}: ` : ""}${issues[0].message ?? "is invalid"}`;
  }
  return error instanceof Error ? error.message : "That change could not be applied";
}

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "execute": {
      // applyCommand is pure, so running it in the reducer always sees the latest
      // document, even for several commands dispatched within one frame (drags).
      try {
        const next = applyCommand(state.history.present, action.command);
        return { history: push(state.history, next, { coalesceKey: action.command.coalesceKey }), error: null };
      } catch (error) {
        return { ...state, error: describeCommandError(error) };
      }
    }
    case "undo":
      return { history: undo(state.history), error: null };
    case "redo":
      return { history: redo(state.history), error: null };
    case "endCoalescing": {
      const history = endCoalescing(state.history);
      return history === state.history ? state : { ...state, history };
    }
    case "clearError":
      return state.error === null ? state : { ...state, error: null };
  }
}

/**
 * The editor's document state: every change is a named command, validated by
 * applyCommand and pushed into the undo history (drags coalesce by key; call
 * endCoalescing when the drag ends so the next drag is its own step).
 */
export function useSceneHistory(initial: SceneDocument) {
  const [state, dispatch] = useReducer(reducer, initial, (doc): State => ({
    history: createHistory(doc),
    error: null,
  }));
  const execute = useCallback((command: SceneCommand) => dispatch({ type: "execute", command }), []);
  const end = useCallback(() => dispatch({ type: "endCoalescing" }), []);
  const doUndo = useCallback(() => dispatch({ type: "undo" }), []);
  const doRedo = useCallback(() => dispatch({ type: "redo" }), []);
  const clearError = useCallback(() => dispatch({ type: "clearError" }), []);
  const { history, error } = state;

  return useMemo(
    () => ({
      doc: history.present,
      execute,
      endCoalescing: end,
      undo: doUndo,
      redo: doRedo,
      canUndo: canUndo(history),
      canRedo: canRedo(history),
      error,
      clearError,
    }),
    [history, error, execute, end, doUndo, doRedo, clearError],
  );
}

export type SceneHistoryApi = ReturnType<typeof useSceneHistory>;
