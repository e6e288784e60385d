#!/usr/bin/env node
// Security scan of the Electron app with @doyensec/electronegativity, fully offline.
//
//   node scripts/security-scan.mjs [--json] [--fail-on high|medium|low] [DIR...]
//   npm run security
//
// Scans main/ and renderer/ (or the folders given) and prints every finding. Exits 1 when a
// finding at or above --fail-on (default HIGH) is not on the allow-list below, or when a
// file could not be parsed (an unparsed file is an unscanned file); exits 0 otherwise.
//
// Why not `npx electronegativity`: its CLI breaks with the commander 14 hoisted in this repo
// (`program.version is not a function`), and it fetches translations from the internet at
// start-up. Here the runner is called directly, with that download stubbed out, so the scan
// makes no network request at all.
import { createRequire } from 'node:module';
import Module from 'node:module';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repo, 'package.json'));

/**
 * Loads main/security.ts (the window settings and navigation decisions, free of Electron
 * imports) so the allow-list can check the real values instead of trusting a comment.
 */
let securityModule = null;
/** The main/ folder being scanned (the repo's unless a folder named main was given). */
let mainDir = path.join(repo, 'main');
async function mainSecurity() {
  if (securityModule) return securityModule;
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [path.join(mainDir, 'security.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    external: ['electron'],
    logLevel: 'silent',
  });
  const url = 'data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64');
  securityModule = await import(url);
  return securityModule;
}

/** True when every window the app creates is isolated and sandboxed; else the reason. */
async function windowIsLockedDown() {
  try {
    const m = await mainSecurity();
    if (typeof m.windowOptions !== 'function') return 'main/security.ts has no windowOptions()';
    const w = m.windowOptions('/preload.cjs').webPreferences ?? {};
    const want = { contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true };
    for (const [k, v] of Object.entries(want)) if (w[k] !== v) return `windowOptions().webPreferences.${k} is ${w[k]}, expected ${v}`;
    const created = readFileSync(path.join(mainDir, 'main.ts'), 'utf8').match(/new BrowserWindow\(([^)]*)\)/g) ?? [];
    const other = created.filter((c) => !/^new BrowserWindow\(windowOptions\(/.test(c));
    if (other.length) return `main/main.ts creates a window without windowOptions(): ${other.join(', ')}`;
    return true;
  } catch (e) {
    return `could not load main/security.ts: ${e instanceof Error ? e.message : e}`;
  }
}

/** True when the window-open handler denies every new window (so middle-click opens nothing). */
async function newWindowsDenied() {
  try {
    const m = await mainSecurity();
    const urls = ['https://github.com/', 'https://evil.example/', 'app://briefsmith/index.html', 'file:///etc/passwd', 'javascript:alert(1)'];
    for (const u of urls) if (m.windowOpenDecision(u).action !== 'deny') return `windowOpenDecision(${u}) does not deny`;
    if (!/setWindowOpenHandler\(\s*\(\{\s*url\s*\}\)\s*=>\s*\{[^}]*windowOpenDecision/.test(readFileSync(path.join(mainDir, 'main.ts'), 'utf8'))) {
      return 'main/main.ts does not route setWindowOpenHandler through windowOpenDecision()';
    }
    return true;
  } catch (e) {
    return `could not load main/security.ts: ${e instanceof Error ? e.message : e}`;
  }
}

/**
 * Documented false positives: findings that are not problems in Briefsmith. Each entry
 * names the check, the file (repo-relative, a RegExp source), why it is safe, and a `verify`
 * that re-checks the reason on every run: when it fails, the finding counts again.
 * An entry that matches nothing is reported so it can be removed.
 */
const ALLOW = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main/main\\.ts',
    reason:
      'The scanner only reads an object literal passed to `new BrowserWindow(...)`; main.ts passes windowOptions() from ' +
      'main/security.ts, which sets contextIsolation: true (verified by loading it).',
    verify: windowIsLockedDown,
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'main/main\\.ts',
    reason: 'As above: windowOptions() sets sandbox: true and nodeIntegration: false (verified by loading it).',
    verify: windowIsLockedDown,
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'main/main\\.ts',
    reason:
      'Middle-click can only ask for a new window, and setWindowOpenHandler denies every new window ' +
      '(allow-listed https links go to the system browser instead); verified with sample URLs.',
    verify: newWindowsDenied,
  },
];

const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

function parseArgs(argv) {
  const o = { json: false, failOn: 'HIGH', dirs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--fail-on') {
      const v = String(argv[++i] ?? '').toUpperCase();
      if (!(v in SEVERITY)) throw new Error(`--fail-on needs one of ${Object.keys(SEVERITY).join(', ')}`);
      o.failOn = v;
    } else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/security-scan.mjs [--json] [--fail-on high|medium|low] [DIR...]');
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else o.dirs.push(a);
  }
  if (o.dirs.length === 0) o.dirs = ['main', 'renderer'];
  return o;
}

/** Stops the scanner's translation download: `got` is replaced by a function that fails at once. */
function stayOffline() {
  const originalLoad = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'got') {
      const offline = () => Promise.reject(new Error('offline: no network in the security scan'));
      return Object.assign(offline, { default: offline });
    }
    return originalLoad.call(this, request, parent, isMain);
  };
}

function electronVersion() {
  try {
    return require('electron/package.json').version;
  } catch {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    return String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[^\d]*/, '') || undefined;
  }
}

async function scan(dir, version) {
  const run = require('@doyensec/electronegativity');
  // The runner and its translation loader print progress with console.log; keep the output ours.
  const log = console.log;
  console.log = () => undefined;
  try {
    return await run({
      input: dir,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: false,
      isVerbose: true,
      electronUpgrade: undefined,
      electronVersionOverride: version,
      parserPlugins: [],
    });
  } finally {
    console.log = log;
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  stayOffline();
  const version = electronVersion();
  const findings = [];
  const parseErrors = [];
  const scanned = [];
  // One scan over all folders together: the scanner's global checks (navigation limits, CSP,
  // permission handler) look across every file, so scanning main/ and renderer/ one by one
  // would report the handlers in main/ as missing from renderer/. The folders are copied into
  // one temporary tree (the scanner walks whatever it is given, node_modules included).
  const stage = mkdtempSync(path.join(tmpdir(), 'briefsmith-security-'));
  try {
    for (const d of o.dirs) {
      const dir = path.resolve(repo, d);
      if (!existsSync(dir)) {
        console.error(`security-scan: ${d}/ does not exist yet; skipped.`);
        continue;
      }
      scanned.push(d);
      if (path.basename(dir) === 'main') mainDir = dir;
      const inRepo = !path.relative(repo, dir).startsWith('..') && !path.isAbsolute(path.relative(repo, dir));
      cpSync(dir, path.join(stage, inRepo ? path.relative(repo, dir) : path.basename(dir)), { recursive: true, filter: (src) => !src.split(path.sep).includes('node_modules') });
    }
    if (scanned.length === 0) throw new Error('nothing to scan');
    const r = await scan(stage, version);
    const rel = (f) => (f === 'N/A' ? '(whole app)' : path.relative(stage, f).split(path.sep).join('/'));
    for (const e of r.errors) {
      if (!e.tolerable) parseErrors.push({ file: rel(e.file), message: e.message });
    }
    for (const i of r.issues) {
      const file = rel(i.file);
      const allow = ALLOW.find((a) => a.check === i.id && new RegExp(`^(?:${a.file})$`).test(file));
      const verdict = allow ? await allow.verify() : null;
      if (allow) allow.used = true;
      findings.push({
        check: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file,
        line: i.location?.line ?? 0,
        column: i.location?.column ?? 0,
        manualReview: Boolean(i.manualReview),
        description: i.description,
        url: i.shortenedURL,
        allowed: allow && verdict === true ? allow.reason : null,
        allowRefused: allow && verdict !== true ? String(verdict) : null,
      });
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  findings.sort((a, b) => SEVERITY[b.severity] - SEVERITY[a.severity] || a.file.localeCompare(b.file) || a.line - b.line);
  const blocking = findings.filter((f) => SEVERITY[f.severity] >= SEVERITY[o.failOn] && !f.allowed);
  const unusedAllow = ALLOW.filter((a) => !a.used).map(({ check, file, reason }) => ({ check, file, reason }));

  if (o.json) {
    console.log(JSON.stringify({ electron: version ?? null, scanned, findings, parseErrors, blocking: blocking.length, unusedAllow }, null, 2));
  } else {
    console.log(`Electronegativity scan of ${scanned.map((d) => d + '/').join(', ') || '(nothing)'} (Electron ${version ?? 'unknown'}, offline)`);
    for (const f of findings) {
      const mark = f.allowed ? 'allowed' : SEVERITY[f.severity] >= SEVERITY[o.failOn] ? 'BLOCKING' : 'note';
      console.log(`\n[${f.severity} | ${f.confidence}${f.manualReview ? ' | review' : ''}] ${f.check}  (${mark})`);
      console.log(`  ${f.file}:${f.line}:${f.column}`);
      console.log(`  ${f.description}${f.url ? ' ' + f.url : ''}`);
      if (f.allowed) console.log(`  allow-listed: ${f.allowed}`);
      if (f.allowRefused) console.log(`  on the allow-list, but its check failed: ${f.allowRefused}`);
    }
    for (const e of parseErrors) console.log(`\nPARSE ERROR (file not scanned): ${e.file}: ${e.message}`);
    for (const a of unusedAllow) console.log(`\nnote: allow-list entry ${a.check} (${a.file}) matched nothing; remove it if it is no longer needed.`);
    const by = (s) => findings.filter((f) => f.severity === s).length;
    console.log(
      `\n${findings.length} findings (HIGH ${by('HIGH')}, MEDIUM ${by('MEDIUM')}, LOW ${by('LOW')}, INFORMATIONAL ${by('INFORMATIONAL')}); ` +
        `${findings.filter((f) => f.allowed).length} allow-listed; ${blocking.length} blocking at ${o.failOn}; ${parseErrors.length} parse errors.`,
    );
  }
  process.exitCode = blocking.length > 0 || parseErrors.length > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(`security-scan: ${e instanceof Error ? e.stack : e}`);
  process.exit(2);
});
