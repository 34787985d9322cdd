import 'altcha/external';
import 'altcha/altcha.css';
import 'altcha/i18n/zh-cn';
import 'altcha/i18n/en';
import ShaWorker from 'altcha/workers/sha?worker';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// 'altcha/external' bundles no worker: the SHA worker is a file of the app's own build (Vite's ?worker), so
// the app's CSP (script-src 'self', no blob: workers) allows it; nothing is fetched from anyone else.
declare const $altcha: { algorithms: { set(name: string, worker: () => Worker): unknown } };
for (const algorithm of ['SHA-256', 'SHA-384', 'SHA-512'])
  $altcha.algorithms.set(algorithm, () => new ShaWorker());

/**
 * The proof-of-work check the sign-in needs after failed attempts (docs/adr/0032): ALTCHA's widget, which
 * fetches a challenge from /api/auth/challenge and solves it in the browser when ticked. `onSolved` gets the
 * base64 payload the sign-in sends (null again when it expires). Remount it (a new `key`) after each use:
 * a payload is spent by one sign-in.
 */
export function ChallengeWidget({ onSolved }: { onSolved: (payload: string | null) => void }) {
  const { i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const solved = useRef(onSolved);
  solved.current = onSolved;

  const language = i18n.language === 'en-US' ? 'en' : 'zh-cn';
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    // Made here rather than in JSX: React would not pass the custom element's attributes by their names.
    const el = document.createElement('altcha-widget');
    el.setAttribute('challenge', '/api/auth/challenge');
    el.setAttribute('language', language);
    el.setAttribute('configuration', JSON.stringify({ hideFooter: true, hideLogo: true }));
    box.appendChild(el);
    const changed = (ev: Event) => {
      const { state, payload } = (ev as CustomEvent<{ state: string; payload: string | null }>).detail;
      solved.current(state === 'verified' && payload ? payload : null);
    };
    el.addEventListener('statechange', changed);
    return () => {
      el.removeEventListener('statechange', changed);
      el.remove();
    };
  }, [language]);

  return <div ref={ref} data-testid="sign-in-challenge" style={{ marginBottom: 16 }} />;
}
