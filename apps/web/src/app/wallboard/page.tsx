import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Wallboard } from "~/components/wallboard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("wallboardTitle") };
}

/** A TV on the floor: opened with its token, no sign-in, counts only. */
export default async function WallboardPage() {
  await connection();
  return <Wallboard />;
}
