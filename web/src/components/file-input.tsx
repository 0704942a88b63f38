import { useEffect, useId, useRef } from 'react';
import { defineMessages, type Lang } from '../lib/i18n';
import './file-input.css';

const messages = defineMessages(
  { choose: 'Chọn tệp…', none: 'Chưa chọn tệp' },
  { choose: 'Choose a file…', none: 'No file chosen' },
);

/**
 * A file field in the page's language: a "Chọn tệp…" button and the chosen file's name (or "Chưa chọn
 * tệp"). Chromium's own `<input type="file">` says "Choose File / No file chosen" in the browser's language
 * whatever the page's; it stays in the page, hidden, and is the one that reads the file (the button opens
 * it; tests give it files by its test id).
 */
export function FileInput({
  label,
  file,
  onChange,
  accept,
  lang,
  testId,
}: {
  /** What the file is (`Tệp`); names the button for a screen reader too. */
  label: string;
  file: File | null;
  onChange: (file: File | null) => void;
  accept?: string;
  lang: Lang;
  /** The native input's test id; the shown name gets `<testId>-name`. */
  testId: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  // Cleared by the form (a new import): the native field forgets its file too, so choosing the same file
  // again is a change.
  useEffect(() => {
    if (!file && input.current) input.current.value = '';
  }, [file]);
  return (
    <span className="file-input">
      <span id={`${id}-label`}>{label}</span>
      <input
        ref={input}
        type="file"
        className="file-input-native"
        data-testid={testId}
        accept={accept}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      <button
        type="button"
        className="file-input-button"
        aria-labelledby={`${id}-label ${id}-button ${id}-name`}
        id={`${id}-button`}
        onClick={() => input.current?.click()}
      >
        {messages(lang, 'choose')}
      </button>
      <span
        id={`${id}-name`}
        className={`file-input-name${file ? '' : ' file-input-name--none'}`}
        data-testid={`${testId}-name`}
        title={file?.name}
      >
        {file ? file.name : messages(lang, 'none')}
      </span>
    </span>
  );
}
