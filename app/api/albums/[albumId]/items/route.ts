import { workspaceRoute } from "@/lib/auth/handlers";
import { albumDetailOutput } from "@/lib/api/outputs/albums";
import { addAlbumItems, addItemsSchema } from "@/lib/albums/album-service";
import { getDb } from "@/lib/db";

/** "Add to album" from the Renders page: outputs (and published viewers) of this workspace. */
export const POST = workspaceRoute(
  { output: albumDetailOutput, permission: "albums.manage", schema: addItemsSchema },
  ({ ctx, params, input }) => addAlbumItems(getDb(), ctx, params.albumId, input),
);
