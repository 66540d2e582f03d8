"use client";

/** A render error shows what went wrong and a way back, instead of a blank wall. */
export default function BoardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="flex h-full flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="font-medium text-rose-700">The board hit an error: {error.message}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:border-slate-500"
      >
        Reload the board
      </button>
    </div>
  );
}
