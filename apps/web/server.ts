import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createProxyServer } from "http-proxy-3";
import next from "next";
import { loadWebConfig } from "./src/env";
import { isCorePath, isGatewayPath } from "./src/server/core-paths";

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

// Split mode: boards' and wallboards' sockets and snapshots go to the gateways, one per connection
// in turn; a gateway that failed is skipped for a while, so its screens reconnect to another.
const GATEWAY_DOWN_MS = 5_000;
const gateways = config.gatewayUrls.map((url) => {
  const gateway = {
    url,
    downUntil: 0,
    proxy: createProxyServer({ target: url, ws: true, xfwd: true, proxyTimeout: 30_000 }),
  };
  gateway.proxy.on("error", (error, _req, res) => {
    gateway.downUntil = Date.now() + GATEWAY_DOWN_MS;
    const message = `the Callboard gateway at ${url} is not answering (${(error as NodeJS.ErrnoException).code ?? error.message})`;
    if (res && "writeHead" in res && !res.headersSent) {
      res.writeHead(502, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ error: message }));
    } else {
      res?.destroy();
    }
  });
  return gateway;
});
let turn = 0;
const nextGateway = () => {
  const now = Date.now();
  for (let i = 0; i < gateways.length; i++) {
    const gateway = gateways[(turn + i) % gateways.length]!;
    if (gateway.downUntil <= now) {
      turn = (turn + i + 1) % gateways.length;
      return gateway.proxy;
    }
  }
  turn = (turn + 1) % gateways.length;
  return gateways[turn]!.proxy;
};
const toGateway = (url: string | undefined) => gateways.length > 0 && isGatewayPath(url);

const server = createServer((req, res) => {
  if (toGateway(req.url)) nextGateway().web(req, res);
  else if (isCorePath(req.url)) proxy.web(req, res);
  else void handle(req, res);
});
const nextUpgrade = app.getUpgradeHandler();
server.on("upgrade", (req, socket, head) => {
  if (toGateway(req.url)) nextGateway().ws(req, socket, head);
  else if (isCorePath(req.url)) proxy.ws(req, socket, head);
  // Next's own upgrades (the dev server's hot reload); production has none.
  else void nextUpgrade(req, socket, head);
});
server.listen(config.port, config.host, () => {
  const via = gateways.length > 0 ? `; boards via ${config.gatewayUrls.join(", ")}` : "";
  console.log(`Callboard dashboard on http://localhost:${config.port} (core: ${config.coreUrl}${via})`);
});

const stop = () => server.close(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
