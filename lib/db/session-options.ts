/**
 * Per-connection settings. JIT compilation pays off for long analytical
 * queries, not for Glossa's short ones: a whole-thread read's cost estimate
 * crosses the JIT threshold and spent 18 of its 62 ms compiling.
 */
export const SESSION_OPTIONS = "-c jit=off";
