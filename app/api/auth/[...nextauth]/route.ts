import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { guardSignIn } from "@/lib/auth/guard-sign-in";
import { errorResponse } from "@/lib/http/respond";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

export function GET(request: NextRequest, context: Context) {
  return NextAuth(request, context, authOptions());
}

/** next-auth's own POST, behind the origin check and the sign-in rate limits. */
export async function POST(request: NextRequest, context: Context) {
  try {
    assertSameOrigin(request);
    const { nextauth } = await context.params;
    if (nextauth[0] === "callback" && nextauth[1] === "credentials") await guardSignIn(request);
  } catch (error) {
    return errorResponse(error);
  }
  return NextAuth(request, context, authOptions());
}
