import readline from "node:readline";

/** Asks a question on the terminal without echoing the answer (for passwords). */
export function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return new Promise((resolve) => {
      const rl = readline.createInterface({ input: process.stdin });
      process.stdout.write(question);
      rl.once("line", (line) => {
        resolve(line);
        rl.close();
      });
      rl.once("close", () => resolve(""));
    });
  }
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    output._writeToOutput = (text: string) => {
      if (text.includes(question)) process.stdout.write(text);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}
