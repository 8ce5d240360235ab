import { runApp } from "./lib/run-app";

await runApp("dev");
