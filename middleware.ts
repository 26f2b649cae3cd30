import { withAuth } from "next-auth/middleware";

// Signed-out visits to app pages go to /sign-in?callbackUrl=..., before any page code runs.
export default withAuth({ pages: { signIn: "/sign-in" } });

export const config = {
  matcher: ["/products/:path*", "/templates/:path*", "/scenes/:path*", "/renders/:path*", "/settings/:path*", "/onboarding/:path*"],
};
