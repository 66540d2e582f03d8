import { type InputHTMLAttributes, type ReactNode, useId } from "react";
import { FieldError } from "./field-error";

/** The look of an admin form's text box, select or text area. */
export const fieldInput =
  "mt-1 block w-full rounded border border-slate-300 dark:border-slate-600 px-2 py-1.5 text-sm text-slate-900 dark:text-slate-100 disabled:bg-slate-100 dark:disabled:bg-slate-800";

/** What the field's control must carry: the label points at it, and it points at its problem. */
export interface FieldControl {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * An admin form's field: its label, its control, and its problem right under it. The problem is
 * outside the label (the control's name stays its label alone) and tied to the control by
 * aria-describedby, with aria-invalid set, so a screen reader says both when the field is focused.
 * The ids are React's, so the same fields can stand twice on a page (create form and an edited row).
 */
export function FormField({
  label,
  error,
  className = "",
  children,
}: {
  label: ReactNode;
  error: string | undefined;
  /** Grid placement, e.g. "md:col-span-2". */
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`text-sm text-slate-700 dark:text-slate-300 ${className}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? errorId : undefined,
      })}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** The common case: a labelled text box; every other attribute goes to the <input>. */
export function TextField({
  label,
  error,
  className,
  ...input
}: {
  label: ReactNode;
  error: string | undefined;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "className" | "id">) {
  return (
    <FormField label={label} error={error} className={className}>
      {(control) => <input className={fieldInput} {...input} {...control} />}
    </FormField>
  );
}
