import type { Metadata } from "next";
import { GroupsAdmin } from "~/components/groups-admin";

export const metadata: Metadata = { title: "Groups — Callboard" };

export default function GroupsPage() {
  return <GroupsAdmin />;
}
