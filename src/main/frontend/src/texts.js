// Every word the editor shows comes from the server's message bundles, rendered by richtext.jte into a
// <template> of <span data-k="key">text</span>: no interface text is written in this code.
let texts = {};

export function loadTexts(root) {
  const template = root.querySelector('template.rt-texts');
  if (!template) return;
  for (const span of template.content.querySelectorAll('[data-k]')) texts[span.dataset.k] = span.textContent;
}

/** The text for KEY with {0}, {1}... replaced by ARGS; the key itself if missing (a test would notice). */
export function t(key, ...args) {
  const text = texts[key] ?? key;
  return text.replace(/\{(\d)\}/g, (m, i) => (args[i] ?? ''));
}
