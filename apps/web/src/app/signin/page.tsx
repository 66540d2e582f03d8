import type { Metadata } from "next";
import { connection } from "next/server";
import { SignInForm } from "~/components/sign-in-form";

export const metadata: Metadata = { title: "Sign in — Callboard" };

/** Rendered per request, so the page carries this response's CSP nonce. */
export default async function SignInPage() {
  await connection();
  return (
    <main className="flex min-h-full items-center justify-center bg-slate-100 p-6">
      <SignInForm />
    </main>
  );
}
