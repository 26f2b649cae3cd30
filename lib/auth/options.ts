import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { RATE_LIMITED_MESSAGE, verifySignIn } from "./sign-in";
import { signInSchema } from "./validation";
import { clientIpFromHeaders } from "./client-ip";

/**
 * Auth.js with email + password. Credentials sign-in needs JWT sessions; the
 * signing secret is persisted under DATA_DIR, so sessions survive restarts.
 * Every request still loads the user from Postgres (lib/auth/session.ts).
 */
export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
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
        if (outcome.ok) {
          const { id, email, name, sessionVersion } = outcome.user;
          return { id, email, name, sessionVersion };
        }
        if (outcome.reason === "rate_limited") throw new Error(RATE_LIMITED_MESSAGE);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        // The user's session version at sign-in: a password change bumps it and ends this session (session.ts).
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      const s = session as { userId?: string; sessionVersion?: number };
      s.userId = typeof token.uid === "string" ? token.uid : undefined;
      // Tokens from before session versions existed count as version 0, the column's default.
      s.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      return session;
    },
  },
};
