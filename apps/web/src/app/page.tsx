import { connection } from "next/server";
import { Board } from "~/components/board";
import { LiveProvider } from "~/components/live-provider";
import { coreLocationFromEnv } from "~/env";

/** The live board. Rendered per request so the core's URL comes from the environment, not the build. */
export default async function BoardPage() {
  await connection();
  return (
    <LiveProvider core={coreLocationFromEnv()}>
      <Board />
    </LiveProvider>
  );
}
