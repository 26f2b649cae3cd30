/** A session is current when it was signed at the user's present session version (bumped on password change). */
export function isSessionCurrent(tokenVersion: number | undefined, userVersion: number): boolean {
  return (tokenVersion ?? 0) === userVersion;
}
