import type { NextRequest } from "next/server";
import { handleAuthRequest } from "@/lib/auth/handle-auth-request";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints (csrf, session, providers, OAuth sign-in and callbacks), behind Glossa's checks. */
export async function GET(request: NextRequest, context: Context) {
  return handleAuthRequest(request, (await context.params).nextauth);
}

/** next-auth's POSTs (password sign-in, sign-out), behind the origin check, the body rules and the sign-in limits. */
export async function POST(request: NextRequest, context: Context) {
  return handleAuthRequest(request, (await context.params).nextauth);
}
