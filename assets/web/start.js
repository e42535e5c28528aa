// Starts Lateral: the service worker first (so the next visit works offline), then the app.
import init from './lateral.js';

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('no offline copy:', e));
}
init();
