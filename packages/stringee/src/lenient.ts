import { z } from "zod";

/**
 * PCC sends some numbers as strings (`totalAgents: "2"`) and booleans as 0/1; these schemas accept
 * both spellings and output one type, so a harmless change of spelling never breaks a sync.
 */

/** A whole number, or a string of digits. */
export const intLike = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+$/),
    ],
    {
      error: "must be a whole number (or a string of digits)",
    },
  )
  .transform(Number)
  .pipe(z.number().int("must be a whole number"));

/** A boolean, or 0/1, or "0"/"1"/"true"/"false". */
export const boolLike = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.enum(["0", "1", "true", "false"])], {
    error: "must be a boolean (or 0/1)",
  })
  .transform((v) => v === true || v === 1 || v === "1" || v === "true");

/** A number, or a numeric string (durations, timestamps). */
export const numberLike = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?$/),
    ],
    {
      error: "must be a number (or a numeric string)",
    },
  )
  .transform(Number)
  .pipe(z.number());

/** An opaque id: a non-empty string (numbers are read as their decimal string). */
export const opaqueId = z
  .union([z.string(), z.number()], { error: "must be a non-empty string" })
  .transform(String)
  .pipe(z.string().trim().min(1, "must be a non-empty string"));

/** `schema`, with `value` when the field is missing or null (PCC's documented defaults). */
export function withDefault<T extends z.ZodType>(schema: T, value: z.output<T>) {
  return schema.nullish().transform((v): z.output<T> => v ?? value);
}
