/**
 * A button that opens a file and hands over its text (a progress file, a lesson file). A file
 * larger than `maxBytes` is not read: `onText` gets null, and the caller says why.
 */
import { useRef } from 'react';

interface Props {
  readonly label: string;
  readonly maxBytes: number;
  readonly onText: (text: string | null) => void;
}

export function FileButton({ label, maxBytes, onText }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const open = async (file: File | undefined) => {
    if (!file) return;
    onText(file.size > maxBytes ? null : await file.text());
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <button
        type="button"
        className="btn px-2 py-0.5 text-sm"
        onClick={() => input.current?.click()}
      >
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="sr-only"
        tabIndex={-1}
        aria-label={label}
        onChange={(e) => void open(e.target.files?.[0])}
      />
    </>
  );
}
