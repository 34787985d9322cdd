import { highlightParts } from './labels.js';

/** The text with the reason's terms marked (<mark>), as the match's reason names them. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  let at = 0;
  return (
    <span style={{ whiteSpace: 'pre-line' }}>
      {highlightParts(text, terms).map((p) => {
        const key = at;
        at += p.text.length;
        return p.hit ? <mark key={key}>{p.text}</mark> : <span key={key}>{p.text}</span>;
      })}
    </span>
  );
}
