import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's schema engine compiled to WebAssembly: migrations without the
// native binary that Prisma's CLI would download. The package's own entry
// point imports the .wasm file as an ES module, which Node only allows behind
// --experimental-wasm-modules; instantiating it by hand works in any runtime
// (tsx, vitest, plain node).
type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
export type SchemaEngine = Awaited<ReturnType<SchemaEngineModule["SchemaEngine"]["new"]>>;

let loaded: Promise<SchemaEngineModule> | undefined;

/**
 * adapter-pg runs a migration script by splitting it on every ";", which
 * breaks any statement with a semicolon inside a quoted string, a comment or a
 * function body (our audit-log trigger). PostgreSQL's simple query protocol
 * runs a whole multi-statement script in one round trip, as Prisma's native
 * engine does, so the script is sent whole.
 */
class WholeScriptPrismaPg extends PrismaPg {
  readonly opened: { dispose(): Promise<void> }[] = [];

  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

async function loadModule(): Promise<SchemaEngineModule> {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bindings: SchemaEngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

/**
 * Runs `work` with a schema engine bound to the database at `url` through
 * adapter-pg, then frees the engine and closes its connections. Closing
 * matters: the engine takes PostgreSQL's session-level advisory lock for
 * migrations, and a pooled connection left open would keep holding it, so the
 * next run would wait out the engine's 10-second lock timeout.
 */
export async function withSchemaEngine<T>(url: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  loaded ??= loadModule();
  const bindings = await loaded;
  const factory = new WholeScriptPrismaPg({ connectionString: url });
  const engine = await bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(factory.opened.map((adapter) => adapter.dispose().catch(() => undefined)));
  }
}
