/**
 * The installer configuration: Electron's security fuses flipped at pack time, asar packing,
 * the .briefsmith file association, the targets the issue names, and icons that exist.
 * electron-builder cannot run here (no Electron binary), so the file is checked as data.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const yml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
/** The value of `key:` inside the top-level block `block:` (two-space indented). */
const inBlock = (block: string, key: string): string | null => {
  const m = yml.match(new RegExp(`^${block}:\\n((?:[ \\t]+.*\\n?|\\n)*)`, 'm'));
  const v = m?.[1]?.match(new RegExp(`^\\s+${key}:\\s*(.+)$`, 'm'));
  return v?.[1]?.trim() ?? null;
};

describe('electron-builder.yml', () => {
  it('flips the security fuses', () => {
    expect(inBlock('electronFuses', 'runAsNode')).toBe('false');
    expect(inBlock('electronFuses', 'enableNodeOptionsEnvironmentVariable')).toBe('false');
    expect(inBlock('electronFuses', 'enableNodeCliInspectArguments')).toBe('false');
    expect(inBlock('electronFuses', 'enableEmbeddedAsarIntegrityValidation')).toBe('true');
    expect(inBlock('electronFuses', 'onlyLoadAppFromAsar')).toBe('true');
  });

  it('packs into asar and associates .briefsmith files', () => {
    expect(yml).toMatch(/^asar: true$/m);
    expect(yml).toMatch(/fileAssociations:\n\s+- ext: briefsmith/);
  });

  it('builds AppImage, deb, NSIS and dmg', () => {
    for (const t of ['AppImage', 'deb', 'nsis', 'dmg']) expect(yml).toMatch(new RegExp(`^\\s+- ${t}$`, 'm'));
  });

  it('names icons that exist', () => {
    const icons = [...yml.matchAll(/^\s*icon: (\S+)$/gm)].map((m) => m[1]!);
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) expect(existsSync(path.join(root, icon)), icon).toBe(true);
  });

  it('ships only built files, templates and fonts', () => {
    expect(yml).toMatch(/files:\n(?:\s+- .*\n)*\s+- dist\/main\/\*\*/);
    expect(yml).not.toMatch(/^\s+- (?:src|tests|node_modules)\//m);
  });
});
