/** A form field's problem, right under the field (from the shared zod schema, or the server). */
export function FieldError({ message, id }: { message: string | undefined; id?: string }) {
  if (!message) return null;
  return (
    <span id={id} className="mt-1 block text-xs text-red-700">
      {message}
    </span>
  );
}
