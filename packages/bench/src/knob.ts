/** A bench knob from the environment: a positive number, or `fallback` when unset or not one. */
export function positiveKnob(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
