import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createProxyServer } from "http-proxy-3";
import next from "next";
import { loadWebConfig } from "./src/env";
import { isCorePath } from "./src/server/core-paths";

/**
 * The dashboard's server: Next.js for the pages, and a reverse proxy to the core for its doors, so a
 * browser — on this machine or any other screen on the floor — talks to one origin. The core stays
 * on loopback; cookies, CSRF and Host checks see one site. The core's address is read at start.
 */
const config = (() => {
  try {
    return loadWebConfig();
  } catch (error) {
    console.error(`Callboard's dashboard cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
})();

const app = next({ dev: config.dev, dir: dirname(fileURLToPath(import.meta.url)) });
const handle = app.getRequestHandler();
await app.prepare();

// xfwd: the core learns the browser's address, host and scheme (it trusts these from loopback only).
const proxy = createProxyServer({ target: config.coreUrl, ws: true, xfwd: true, proxyTimeout: 30_000 });
proxy.on("error", (error, _req, res) => {
  const message = `the Callboard core at ${config.coreUrl} is not answering (${(error as NodeJS.ErrnoException).code ?? error.message})`;
  if (res && "writeHead" in res && !res.headersSent) {
    res.writeHead(502, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: message }));
  } else {
    res?.destroy();
  }
});

const server = createServer((req, res) => {
  if (isCorePath(req.url)) proxy.web(req, res);
  else void handle(req, res);
});
const nextUpgrade = app.getUpgradeHandler();
server.on("upgrade", (req, socket, head) => {
  if (isCorePath(req.url)) proxy.ws(req, socket, head);
  // Next's own upgrades (the dev server's hot reload); production has none.
  else void nextUpgrade(req, socket, head);
});
server.listen(config.port, config.host, () => {
  console.log(`Callboard dashboard on http://localhost:${config.port} (core: ${config.coreUrl})`);
});

const stop = () => server.close(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
