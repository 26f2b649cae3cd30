/** A command that cannot apply to this document (a missing target, a limit reached); its message is for the user. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandError";
  }
}
