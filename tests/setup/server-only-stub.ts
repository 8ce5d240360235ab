import { vi } from "vitest";

// `server-only` throws when imported outside a React Server environment; tests
// run server modules directly in Node, which is exactly where they belong.
vi.mock("server-only", () => ({}));
