// Reads one JSON request on stdin and answers on stdout with what three
// published specifications say, so that the Go checkers beside this file
// never rely on a copy of them:
//
//   yaml: YAML documents parsed with YAML 1.1 rules (the rules
//         CloudFormation reads templates with), every scalar tagged with
//         the type a 1.1 reader gives it.
//   cfn:  resource types from AWS's CloudFormation resource specification
//         (@aws-cdk/aws-service-spec, db.json.gz): properties with their
//         types and required flags, and attributes.
//   tf:   resource and data source types from the hashicorp/aws (and any
//         other installed @cdktf/provider-*) provider schema, as generated
//         by cdktf: arguments, blocks, types and required flags.
//
// Request:  {"yaml": ["text", ...], "cfn": ["AWS::X::Y", ...], "tf": ["aws_x", ...]}
// Answer:   {"yaml": [{"doc": node} | {"error": "..."}], "cfn": {...}, "tf": {...}}
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

function main() {
  const req = JSON.parse(fs.readFileSync(0, 'utf8'));
  const out = {};
  if (req.yaml) out.yaml = req.yaml.map(parseYAML11);
  if (req.cfn) out.cfn = cfnSpec(req.cfn);
  if (req.tf) out.tf = tfSchema(req.tf);
  process.stdout.write(JSON.stringify(out));
}

// ---- YAML 1.1 -------------------------------------------------------------

function parseYAML11(text) {
  const YAML = require('yaml');
  const doc = YAML.parseDocument(text, { version: '1.1', uniqueKeys: true });
  if (doc.errors.length > 0) return { error: doc.errors.map((e) => e.message).join('; ') };
  // Each plain scalar is classified by the first 1.1 type whose pattern
  // matches its text, as the parser itself resolved it.
  const tags = doc.schema.tags.filter((t) => t.test);
  const node = (n) => {
    if (n === null || n === undefined) return { t: 'null', v: '' };
    if (YAML.isMap(n)) return { t: 'map', v: n.items.map((p) => [node(p.key), node(p.value)]) };
    if (YAML.isSeq(n)) return { t: 'seq', v: n.items.map(node) };
    if (YAML.isAlias(n)) return { t: 'alias', v: String(n.source) };
    if (YAML.isScalar(n)) {
      if (n.tag) return { t: n.tag.replace('tag:yaml.org,2002:', ''), v: String(n.value) };
      if (n.type !== 'PLAIN') return { t: 'str', v: String(n.value) };
      const src = n.source === undefined ? String(n.value) : String(n.source);
      const hit = tags.find((t) => t.test.test(src));
      const t = hit ? hit.tag.replace('tag:yaml.org,2002:', '') : 'str';
      return { t, v: t === 'str' ? String(n.value) : src };
    }
    return { t: 'unknown', v: String(n) };
  };
  return { doc: node(doc.contents) };
}

// ---- CloudFormation resource specification --------------------------------

function cfnSpec(types) {
  const file = require.resolve('@aws-cdk/aws-service-spec/db.json.gz');
  const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'));
  const resources = new Map(db.schema.resource.entities.map((r) => [r.cloudFormationType, r]));
  const typeDefs = new Map(db.schema.typeDefinition.entities.map((t) => [t.$id, t]));
  const out = {};
  for (const type of types) {
    const r = resources.get(type);
    if (!r) {
      out[type] = null;
      continue;
    }
    const defs = {};
    const walk = (t) => {
      if (!t) return;
      if (t.type === 'ref') {
        const id = t.reference.$ref;
        if (defs[id]) return;
        const d = typeDefs.get(id);
        defs[id] = { name: d.name, properties: props(d.properties) };
        for (const p of Object.values(d.properties || {})) walk(p.type);
      }
      if (t.element) walk(t.element);
      if (t.types) t.types.forEach(walk);
    };
    for (const p of Object.values(r.properties || {})) walk(p.type);
    out[type] = {
      properties: props(r.properties),
      attributes: Object.keys(r.attributes || {}),
      types: defs,
    };
  }
  return out;
}

function props(ps) {
  const out = {};
  for (const [name, p] of Object.entries(ps || {})) out[name] = { type: p.type, required: !!p.required };
  return out;
}

// ---- Terraform provider schemas (cdktf prebuilt providers) ----------------

// Where each provider's generated bindings live, by the prefix of its
// resource types. Data sources sit in lib/data-<type>.
const providers = [
  { prefix: 'aws_', pkg: '@cdktf/provider-aws' },
  { prefix: 'archive_', pkg: '@cdktf/provider-archive' },
];

function tfSchema(types) {
  const out = {};
  for (const t of types) {
    const isData = t.startsWith('data.');
    const name = isData ? t.slice(5) : t;
    const prov = providers.find((p) => name.startsWith(p.prefix));
    let dir = null;
    if (prov) {
      try {
        const root = path.dirname(require.resolve(prov.pkg + '/package.json'));
        // aws_cognito_user_pool → lib/cognito-user-pool; data source
        // aws_cognito_user_pool → lib/data-aws-cognito-user-pool.
        const base = isData ? 'data-' + name : name.slice(prov.prefix.length);
        dir = path.join(root, 'lib', base.replace(/_/g, '-'));
      } catch (e) {
        out[t] = { missing: prov.pkg + ' is not installed' };
        continue;
      }
    }
    if (!dir || !fs.existsSync(path.join(dir, 'index.js'))) {
      out[t] = null;
      continue;
    }
    out[t] = readBindings(dir, name);
  }
  return out;
}

// readBindings turns one generated module into a block schema: the
// synthesizeHclAttributes table (Terraform name, block or argument, HCL
// type) of the resource and of each nested block, joined with the
// TypeScript interfaces (required or optional, one block or many).
function readBindings(dir, tfType) {
  const js = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
  const dts = fs.readFileSync(path.join(dir, 'index.d.ts'), 'utf8');
  const typeTag = js.match(/\.tfResourceType = "([^"]+)"/);
  if (!typeTag || typeTag[1] !== tfType) return null;
  const cls = dts.match(/export declare class (\w+) extends cdktf\.Terraform(Resource|DataSource)/);
  const ifaces = interfaces(dts);

  const tables = {};
  const entry = /(\w+): \{\s*value: ([^\n]*),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",?\s*\}/g;
  const table = (body) => {
    const rows = [];
    for (const m of body.matchAll(entry)) {
      const camel = (m[2].match(/(?:this\._|struct\.|struct!\.)(\w+)/) || [])[1];
      const conv = (m[2].match(/(?<![.\w])(\w+)ToHclTerraform/) || [])[1];
      rows.push({ name: m[1], camel, conv, isBlock: m[3] === 'true', kind: m[4], storage: m[5] });
    }
    return rows;
  };
  const top = js.match(/synthesizeHclAttributes\(\) \{\s*const attrs = \{([\s\S]*?)\n {8}\};/);
  for (const m of js.matchAll(/function (\w+)ToHclTerraform\(struct\) \{[\s\S]*?const attrs = \{([\s\S]*?)\n {4}\};/g)) {
    tables[m[1]] = table(m[2]);
  }
  const block = (rows, iface) => {
    const b = { attributes: {}, blocks: {} };
    for (const r of rows) {
      const f = (iface && iface[r.camel]) || { optional: true, array: false };
      if (r.isBlock && r.conv && tables[r.conv]) {
        const nested = ifaces[r.conv.charAt(0).toUpperCase() + r.conv.slice(1)];
        b.blocks[r.name] = { nesting: f.array ? 'list' : 'single', required: !f.optional, block: block(tables[r.conv], nested) };
      } else {
        b.attributes[r.name] = { type: hclType(r.kind, r.storage), required: !f.optional };
      }
    }
    return b;
  };
  // What a reference like aws_x.name.arn may read: every attribute the
  // resource class exposes, computed ones included.
  const body = cls ? js.slice(js.indexOf('class ' + cls[1] + ' extends')) : '';
  const readable = [...new Set([...body.matchAll(/this\.get\w*Attribute\('(\w+)'\)/g)].map((m) => m[1]))];
  return {
    kind: cls ? cls[2].toLowerCase() : 'resource',
    readable,
    block: block(top ? table(top[1]) : [], cls ? ifaces[cls[1] + 'Config'] : null),
  };
}

// interfaces reads each exported interface's properties: optional or
// not, and whether the type is an array.
function interfaces(dts) {
  const out = {};
  for (const m of dts.matchAll(/export interface (\w+)[^{]*\{([\s\S]*?)\n\}/g)) {
    const props = {};
    for (const p of m[2].matchAll(/^ {4}readonly (\w+)(\??): ([^\n]*)/gm)) {
      props[p[1]] = { optional: p[2] === '?', array: /\[\]/.test(p[3]) };
    }
    out[m[1]] = props;
  }
  return out;
}

function hclType(kind, storage) {
  const prim = { string: 'string', number: 'number', boolean: 'bool' };
  const m = storage.match(/^(string|number|boolean)(List|Map)?(List|Map)?$/);
  if (!m) return 'any';
  let t = prim[m[1]];
  for (const wrap of [m[2], m[3]]) {
    if (!wrap) continue;
    t = (wrap === 'Map' ? 'map' : 'list') + '(' + t + ')';
  }
  // The outer collection kind comes from the schema: list, set or map.
  if (kind === 'set') t = t.replace(/^list\(/, 'set(');
  return t;
}

main();
