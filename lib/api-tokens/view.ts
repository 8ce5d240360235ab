/** A personal API token as its owner sees it in settings: never its secret, which is shown once, when it is made. */
export interface ApiTokenView {
  id: string;
  name: string;
  /** The secret's first characters ("glossa_Xy12a"), so a reader can tell tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Shapes a token row for its owner. */
export function toApiTokenView(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }): ApiTokenView {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}

/** The most live (unrevoked) tokens one reader may hold: enough for every device and tool, few enough to review at a glance. */
export const MAX_API_TOKENS = 20;

/** The longest token name. */
export const MAX_API_TOKEN_NAME_LENGTH = 100;
