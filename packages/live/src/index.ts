export { type ConnectionStatus, LiveCenter, type LiveView } from "./live-center.ts";
