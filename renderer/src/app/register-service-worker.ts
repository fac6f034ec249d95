// Browser mode only: registers the service worker that precaches the app shell, so a reload
// without network still opens the app. The desktop app loads its files locally and skips it.

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error: unknown) => {
      console.warn('service worker registration failed', error);
    });
  });
}
