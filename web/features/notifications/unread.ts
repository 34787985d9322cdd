/** The bell and the notification page share the unread count through this browser event. */
const EVENT = 'commonlab:unread';

export const announceUnread = (count: number): void => {
  window.dispatchEvent(new CustomEvent<number>(EVENT, { detail: count }));
};

export function onUnread(listener: (count: number) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<number>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
