// Reads the page's location: this module runs in the browser.
export async function ping() {
  return fetch(`${window.location.origin}/api/health`);
}
