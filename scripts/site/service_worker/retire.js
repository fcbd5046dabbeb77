// The retiring service worker: served as sw.js in place of the real one when
// a bad worker ever ships (extra.offline.retire in mkdocs.yml, or copy this
// file over the site's sw.js; "Offline use" on the organizers' page). Every
// browser that checks for an update gets this one: it deletes this site's
// caches, unregisters itself, and reloads the site's open tabs from the
// network, after which no service worker runs for the site.

const SCOPE = new URL(self.registration.scope);
const PREFIX = `site-files:${SCOPE.pathname}:`;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
    await Promise.all(names.map((name) => caches.delete(name)));
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: "window" })) {
      client.navigate(client.url).catch(() => {});
    }
  })());
});
