// Parse Mermaid text from standard input with the real Mermaid parser (headless, jsdom).
// Prints "ok ..." and exits 0, or prints the parse error and exits 1.
import { JSDOM } from 'jsdom';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window; globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser; globalThis.Element = dom.window.Element;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
let text = '';
for await (const chunk of process.stdin) text += chunk;
try { const r = await mermaid.parse(text); console.log('ok', JSON.stringify(r)); }
catch (e) { console.error('error', e.message ?? String(e)); process.exit(1); }
