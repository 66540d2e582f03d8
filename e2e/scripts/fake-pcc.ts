// The fake Stringee PCC for the e2e stringee pair, on a fixed port with a seeded center:
//   pnpm --filter @callboard/server exec tsx "$PWD/e2e/scripts/fake-pcc.ts"   (from the repo root; tsx comes with the server)
// startFakePcc listens on a free port only, so a tiny pass-through proxy gives it the fixed one the
// core's STRINGEE_API_BASE_URL names, and answers GET /e2e/seed with the ids the spec needs.
import { createServer, request } from "node:http";
import { startFakePcc } from "@callboard/stringee/fake";
import {
  AGENTS,
  FAKE_PCC_URL,
  PCC_KEYS,
  type PccSeed,
  PROJECT_ID,
  SEED_PATH,
} from "../tests/stringee-pair.ts";

const pcc = await startFakePcc({ ...PCC_KEYS, projectId: PROJECT_ID });
const { store } = pcc;
// Both Available at PCC, so whether they can ring is up to their presence, which the spec reports.
const group = store.addGroup("Support");
for (const agent of Object.values(AGENTS)) {
  const pccId = store.addAgent({ stringeeUserId: agent.id, name: agent.name, manualStatus: "AVAILABLE" });
  store.addMember(group, pccId);
}
// A long answer timeout keeps the call ringing while the board is checked.
const answerTimeoutSec = 60;
const queueName = "Support line";
const queueId = store.addQueue({ name: queueName, wait_agent_answer_timeout: answerTimeoutSec });
store.routeQueueToGroup(queueId, group, true);
// Set up at PCC but routed to no group: Callboard cannot mirror it, and the panel must say so.
store.addQueue({ name: "Night line" });
const seed: PccSeed = { queueId, queueName, answerTimeoutSec };

const upstream = new URL(pcc.url);
const front = createServer((req, res) => {
  if (req.url === SEED_PATH) {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(seed));
    return;
  }
  const forward = request(
    { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forward.on("error", (error) => {
    res.writeHead(502, { "Content-Type": "text/plain" });
    res.end(`fake PCC unreachable: ${error.message}`);
  });
  req.pipe(forward);
});
const { port, hostname } = new URL(FAKE_PCC_URL);
front.listen(Number(port), hostname, () => console.log(`fake PCC on ${FAKE_PCC_URL} (queue ${queueId})`));

const stop = async () => {
  front.close();
  await pcc.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
