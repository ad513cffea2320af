import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const README = resolve(__dirname, '../../README.md');
const MARK = '@@walkthrough-step';

/** The README's walkthrough block, exactly as a reader would paste it. */
export function walkthrough(): string {
  const block = /<!-- walkthrough:start -->\s*```bash\n([\s\S]*?)```\s*<!-- walkthrough:end -->/.exec(readFileSync(README, 'utf8'));
  if (!block) throw new Error('README has no walkthrough block');
  return block[1];
}

/** The walkthrough with a marker printed before each numbered step, so its output can be cut by step. */
export function markedWalkthrough(): string {
  return walkthrough().replace(/^# (\d+)\. /gm, (line, step: string) => `echo "${MARK} ${step}"\n${line}`);
}

/** Each step's output, by step number. */
export function outputsByStep(stdout: string): Map<number, string> {
  const outputs = new Map<number, string>();
  for (const part of stdout.split(`${MARK} `).slice(1)) {
    const newline = part.indexOf('\n');
    outputs.set(Number(part.slice(0, newline)), part.slice(newline + 1).trim());
  }
  return outputs;
}

export interface Claim {
  step: number;
  /** what the README says the step prints: JSON fragments, `…` standing for what varies */
  fragments: string[];
  printsNothing: boolean;
}

/**
 * The README's "What you should see": a numbered list, one item per step. In an item, a code
 * span that starts like JSON (`"`, `{`, `[`) is a fragment of the step's output; "prints nothing"
 * says there is none.
 */
export function claims(): Claim[] {
  const readme = readFileSync(README, 'utf8');
  const section = /<!-- what-you-should-see:start -->([\s\S]*?)<!-- what-you-should-see:end -->/.exec(readme);
  if (!section) throw new Error('README has no "What you should see" list');
  const items = section[1].split(/\n(?=\d+\. )/).filter((item) => /^\d+\. /.test(item.trim()));
  return items.map((item) => {
    const text = item.trim().replace(/\s*\n\s*/g, ' ');
    return {
      step: Number(/^(\d+)\./.exec(text)![1]),
      fragments: [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((span) => /^["{[]/.test(span)),
      printsNothing: /prints nothing/i.test(text),
    };
  });
}
