/** A refusal the command line prints as it is (no stack trace), exiting with status 1. */
export class CliError extends Error {}
