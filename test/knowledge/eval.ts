import { LOCALES } from '../../src/i18n/locales.ts';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { readEvalSet } from './eval-set.ts';

/*
 * `npm run eval:faq`: top-1 accuracy per language on test/knowledge/eval-<lang>.tsv, out-of-scope
 * precision (no out-of-scope message answered as a topic) and every confusion. While the content
 * files are being written, accuracy is also given on the topics that have their file in en or zh-Hans.
 * Targets (issue 10): ≥ 95 % top-1 per language, 0 out-of-scope answered. Exit code 1 when missed.
 */

const kb = loadKnowledgeBase();
const written = (id: string) => !kb.missing.includes(`en/${id}`) || !kb.missing.includes(`zh-Hans/${id}`);
let missed = false;
const confusions: string[] = [];
let outTotal = 0;
let outAnswered = 0;
for (const locale of LOCALES) {
  const cases = readEvalSet(locale);
  let right = 0;
  let total = 0;
  let rightWritten = 0;
  let totalWritten = 0;
  for (const { expected, question, line } of cases) {
    const answer = kb.consult(question);
    if (expected === 'OUT') {
      outTotal += 1;
      if (answer.topic !== null) {
        outAnswered += 1;
        confusions.push(`${locale}:${line} OUT answered as ${answer.topic} (${answer.confidence}): ${question}`);
      }
      continue;
    }
    total += 1;
    const ok = answer.topic === expected;
    if (ok) right += 1;
    if (written(expected)) {
      totalWritten += 1;
      if (ok) rightWritten += 1;
    }
    if (!ok) {
      const got = answer.topic ?? `null [${answer.candidates.join(', ')}]`;
      confusions.push(
        `${locale}:${line} ${expected} → ${got} (${answer.confidence})${written(expected) ? '' : ' (no content yet)'}: ${question}`,
      );
    }
  }
  const percent = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);
  if (total === 0 || right / total < 0.95) missed = true;
  console.log(
    `${locale.padEnd(8)} top-1 ${percent(right, total)} (${right}/${total}); on topics with content ${percent(rightWritten, totalWritten)} (${rightWritten}/${totalWritten})`,
  );
}
const precision = outTotal === 0 ? 1 : (outTotal - outAnswered) / outTotal;
console.log(`out of scope: ${outTotal - outAnswered}/${outTotal} declined (precision ${(100 * precision).toFixed(1)} %)`);
if (outAnswered > 0) missed = true;
const missingTopics = [...new Set(kb.missing.map((entry) => entry.split('/')[1]))];
console.log(`content files missing: ${kb.missing.length} (${missingTopics.length} topics)`);
if (confusions.length > 0) console.log(`confusions (${confusions.length}):\n  ${confusions.join('\n  ')}`);
process.exitCode = missed ? 1 : 0;
