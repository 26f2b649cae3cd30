import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { RATE_LIMITED_MESSAGE, verifySignIn } from "./sign-in";
import { signInSchema } from "./validation";
import { clientIpFromHeaders } from "./client-ip";

/**
 * Auth.js with email + password. Credentials sign-in needs JWT sessions; the
 * signing secret is persisted under DATA_DIR, so sessions survive restarts.
 * Every request still loads the user from Postgres (lib/auth/session.ts).
 */
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const ip = clientIpFromHeaders(req?.headers ?? {});
        const outcome = await verifySignIn(getDb(), parsed.data.email, parsed.data.password, ip);
        if (outcome.ok) return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name };
        if (outcome.reason === "rate_limited") throw new Error(RATE_LIMITED_MESSAGE);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      (session as { userId?: string }).userId = typeof token.uid === "string" ? token.uid : undefined;
      return session;
    },
  },
};
