import { useEffect, useRef, useState } from 'react';

/**
 * A textarea written straight into a live document on every keystroke.
 * It is not a controlled input: the document's echo arrives a frame later
 * and would move the caret. While it has the focus it keeps what is typed;
 * otherwise it shows the document's text (another member's edit).
 */
export function LiveTextArea({ label, value, onChange, testId, lang }: { label: string; value: string; onChange: (text: string) => void; testId?: string; lang?: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && document.activeElement !== el && el.value !== value) el.value = value;
  }, [value]);
  return (
    <label className="live-text">
      <span>{label}</span>
      <textarea ref={ref} defaultValue={value} rows={3} lang={lang} data-testid={testId} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** A number field that applies its value on Enter or when it loses the focus. */
export function NumberField({ label, value, step, min, max, onCommit, testId }: { label: string; value: number; step?: number; min?: number; max?: number; onCommit: (v: number) => void; testId?: string }) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const commit = () => {
    const v = Number(draft);
    if (draft.trim() !== '' && v !== value) onCommit(v);
  };
  return (
    <label className="number-field">
      <span>{label}</span>
      <input
        type="number"
        value={draft}
        step={step}
        min={min}
        max={max}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
