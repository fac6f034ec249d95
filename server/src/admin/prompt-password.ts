// Reads a password from the terminal without echoing it.
import { createInterface } from 'node:readline';

export function promptPassword(label: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // readline echoes through _writeToOutput; print the label only, never the typed characters.
    const internal = rl as unknown as { _writeToOutput: (s: string) => void };
    let labelShown = false;
    internal._writeToOutput = (s: string) => {
      if (!labelShown) {
        process.stdout.write(s);
        labelShown = true;
      }
    };
    rl.question(label, (answer) => {
      process.stdout.write('\n');
      rl.close();
      resolve(answer);
    });
  });
}
