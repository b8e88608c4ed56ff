/** Reading configuration in a command: a problem is printed for the operator and the command exits 2. */
import { ConfigError } from "../../src/config";

/** `load(process.env)`, or exit 2 with the configuration problems when there are any. */
export function configOrExit<T>(load: (env: NodeJS.ProcessEnv) => T): T {
  try {
    return load(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
