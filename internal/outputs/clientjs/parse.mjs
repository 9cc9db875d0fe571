// Reads a JSON list of [amplify_outputs.json, aws-exports.js] path pairs on
// stdin and answers, for each pair, the Auth part of the ResourcesConfig
// that aws-amplify's own parsers make of the two files:
// parseAmplifyConfig (what Amplify.configure runs) for amplify_outputs.json,
// parseAWSExports for aws-exports.js.
import { readFileSync } from 'node:fs';
import { parseAmplifyConfig, parseAWSExports } from '@aws-amplify/core/internals/utils';

const pairs = JSON.parse(readFileSync(0, 'utf8'));
const out = [];
for (const [outputsPath, exportsPath] of pairs) {
  const outputs = JSON.parse(readFileSync(outputsPath, 'utf8'));
  // aws-exports.js is an ES module, as the Amplify CLI writes it; load its
  // text as one so the file's name and folder do not matter.
  const text = readFileSync(exportsPath, 'utf8');
  const mod = await import('data:text/javascript;base64,' + Buffer.from(text).toString('base64'));
  // A JSON round trip drops the keys whose value is undefined, as
  // Amplify.configure's consumers see them.
  const plain = (v) => JSON.parse(JSON.stringify(v ?? null));
  out.push({
    amplify: plain(parseAmplifyConfig(outputs).Auth),
    awsExports: plain(parseAWSExports(mod.default).Auth),
  });
}
process.stdout.write(JSON.stringify(out));
