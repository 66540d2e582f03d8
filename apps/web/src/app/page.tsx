import { connection } from "next/server";
import { Board } from "~/components/board";
import { LiveProvider } from "~/components/live-provider";

/** The live board. Rendered per request, so the page carries this response's CSP nonce. */
export default async function BoardPage() {
  await connection();
  return (
    <LiveProvider>
      <Board />
    </LiveProvider>
  );
}
