import type { Metadata } from "next";
import { connection } from "next/server";
import { Wallboard } from "~/components/wallboard";

export const metadata: Metadata = { title: "Wallboard — Callboard" };

/** A TV on the floor: opened with its token, no sign-in, counts only. */
export default async function WallboardPage() {
  await connection();
  return <Wallboard />;
}
