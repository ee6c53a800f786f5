/**
 * The one message the page can give when part of the app cannot be loaded: in English, since
 * without the app's text there is no t() to say it in another language. It replaces the
 * loading shell (or what else #root holds) and is announced at once.
 */
export function sayCouldNotLoad(what: string): void {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'p-6';
  message.textContent = `docker-anatomy could not load ${what}. Check your connection and reload the page.`;
  (document.getElementById('root') ?? document.body).replaceChildren(message);
}
