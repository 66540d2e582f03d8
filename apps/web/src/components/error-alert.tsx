import { errorMessage } from "~/lib/field-errors";

/** A refusal from the server, said where the action was: nothing is swallowed. */
export function ErrorAlert({ error, className = "" }: { error: unknown; className?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className={`text-sm text-red-700 dark:text-red-300 ${className}`}>
      {errorMessage(error)}
    </p>
  );
}
