import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";

/**
 * Creates a reader's account. A taken handle is said plainly (handles are
 * public); a taken email gets the same generic refusal as any other problem
 * with it, so the form cannot be used to learn who has an account.
 */
export async function signUp(input: SignUpInput): Promise<{ id: string; handle: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, handle: input.handle, name: input.name, passwordHash },
      select: { id: true, handle: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("handle")) {
        throw new AppError("CONFLICT", "That handle is taken.", { fieldErrors: { handle: ["That handle is taken. Try another."] } });
      }
      throw new AppError("CONFLICT", "We could not create an account with that email. If it is yours, sign in instead.", {
        fieldErrors: { email: ["We could not create an account with that email. If it is yours, sign in instead."] },
      });
    }
    throw error;
  }
}
