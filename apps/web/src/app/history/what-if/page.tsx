import type { Metadata } from "next";
import { WhatIf } from "~/components/what-if/what-if";

export const metadata: Metadata = { title: "What-if — Callboard" };

export default function WhatIfPage() {
  return <WhatIf />;
}
