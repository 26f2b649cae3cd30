/** A command that cannot run (unknown name, missing target): its own file so command modules can share it. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandError";
  }
}
