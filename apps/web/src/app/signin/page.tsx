import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "~/components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("signInTitle") };
}

/** Rendered per request, so the page carries this response's CSP nonce. */
export default async function SignInPage() {
  await connection();
  return (
    <main className="flex min-h-full items-center justify-center bg-slate-100 dark:bg-slate-950 p-6">
      <SignInForm />
    </main>
  );
}
