import { z } from "zod";

/** Declared response shapes of /api/scenes/:id/versions (the editor's History panel). */
const versionKind = z.enum(["auto", "export", "named", "restore"]);

export const versionListOutput = z.object({
  /** The scene's revision now: the editor names it when it restores. */
  revision: z.number().int(),
  /** Pass as `?before=` for the next (older) page; null: this is the oldest page. */
  nextCursor: z.string().nullable(),
  versions: z.array(
    z.object({
      id: z.string(),
      kind: versionKind,
      name: z.string().nullable(),
      sceneRevision: z.number().int(),
      restoredFromId: z.string().nullable(),
      createdAt: z.date(),
      createdByName: z.string().nullable(),
      /** A data URL (captured thumbnail) or this app's file URL (an export's picture); null: none yet. */
      picture: z.string().nullable(),
    }),
  ),
});

export const versionOutput = z.object({
  version: z.object({
    id: z.string(),
    kind: versionKind,
    name: z.string().nullable(),
    createdAt: z.date(),
    document: z.unknown(),
  }),
});

export const versionCreatedOutput = z.object({ id: z.string(), createdAt: z.date() });

/** After a restore: the scene's new revision and document (the editor starts again from them). */
export const versionRestoredOutput = z.object({
  revision: z.number().int(),
  versionId: z.string(),
  document: z.unknown(),
});
