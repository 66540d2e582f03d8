import type { Metadata } from "next";
import { WallboardTokens } from "~/components/wallboard-tokens";

export const metadata: Metadata = { title: "Wallboards — Callboard" };

export default function WallboardsPage() {
  return <WallboardTokens />;
}
