// Clipboard HTML from Word, Google Docs and web pages, reduced to what our schema's parse rules understand:
// paragraphs, headings, quotes, lists, bold, italic and links. What is left over (fonts, colours, classes,
// images from elsewhere, tables' structure) is dropped here or by the parse rules.

const DROP = new Set(['STYLE', 'SCRIPT', 'META', 'LINK', 'TITLE', 'XML', 'IMG', 'SVG', 'PICTURE', 'VIDEO',
  'AUDIO', 'IFRAME', 'OBJECT', 'EMBED', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'NOSCRIPT', 'TEMPLATE', 'FORM']);

function unwrap(el) {
  el.replaceWith(...el.childNodes);
}

function styleOf(el) {
  return (el.getAttribute && el.getAttribute('style')) || '';
}

/** Word marks a list paragraph by class MsoListParagraph* or an mso-list style, its bullet in an mso-list:Ignore span. */
function wordListParagraph(el) {
  return el.tagName === 'P' && (/MsoListParagraph/i.test(el.className) || /mso-list:\s*l\d/i.test(styleOf(el)));
}

function wordListLevelAndMarker(el) {
  const level = Number((/level(\d+)/i.exec(styleOf(el)) || [])[1] || 1);
  let marker = '';
  for (const span of el.querySelectorAll('span')) {
    if (/mso-list:\s*Ignore/i.test(styleOf(span))) {
      marker += span.textContent;
      span.remove();
    }
  }
  return { level, ordered: /^\s*([0-9]+|[a-z]|[ivxlc]+)[.)]/i.test(marker) };
}

/** Consecutive Word list paragraphs become one <ul> or <ol> of <li> (nested levels flattened into the list). */
function wordLists(root) {
  const made = new Set();
  for (const p of [...root.querySelectorAll('p')].filter(wordListParagraph)) {
    const { ordered } = wordListLevelAndMarker(p);
    const li = document.createElement('li');
    li.append(...p.childNodes);
    const before = previousElement(p);
    let list = before && made.has(before) && before.tagName === (ordered ? 'OL' : 'UL') ? before : null;
    if (!list) {
      list = document.createElement(ordered ? 'ol' : 'ul');
      made.add(list);
      p.before(list);
    }
    list.append(li);
    p.remove();
  }
}

function previousElement(node) {
  let n = node.previousSibling;
  while (n && (n.nodeType === 8 || (n.nodeType === 3 && !n.data.trim()))) n = n.previousSibling;
  return n && n.nodeType === 1 ? n : null;
}

function* walkComments(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) yield walker.currentNode;
}

/** Cleans clipboard HTML; returns HTML for the schema's parse rules. */
export function cleanPastedHtml(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  // Word's conditional comments (<!--[if !supportLists]-->) and every other comment.
  for (const c of [...walkComments(body)]) c.remove();
  for (const el of [...body.querySelectorAll('*')]) {
    if (!el.isConnected) continue;
    // Office namespaces (o:p, v:shape, w:sdt) are wrappers of nothing we keep.
    if (DROP.has(el.tagName) || el.tagName.includes(':') && el.tagName.startsWith('V:')) el.remove();
    else if (el.tagName.includes(':')) unwrap(el);
  }
  // Google Docs wraps the whole paste in <b style="font-weight:normal" id="docs-internal-guid-...">.
  for (const b of [...body.querySelectorAll('b[id^="docs-internal-guid"], b')]) {
    if (/(^|;)\s*font-weight:\s*(normal|400)/i.test(styleOf(b))) unwrap(b);
  }
  wordLists(body);
  for (const el of [...body.querySelectorAll('p, div')]) {
    const cls = el.className || '';
    if (/MsoTitle/i.test(cls)) {
      const h = doc.createElement('h2');
      h.append(...el.childNodes);
      el.replaceWith(h);
    } else if (/MsoSubtitle|MsoHeading/i.test(cls)) {
      const h = doc.createElement('h3');
      h.append(...el.childNodes);
      el.replaceWith(h);
    } else if (/Mso(Intense)?Quote/i.test(cls)) {
      const q = doc.createElement('blockquote');
      const p = doc.createElement('p');
      p.append(...el.childNodes);
      q.append(p);
      el.replaceWith(q);
    }
  }
  // Google Docs and many sites put a <p> inside each <li>: the list item is the paragraph.
  for (const p of [...body.querySelectorAll('li > p, li > div')]) unwrap(p);
  // Nested lists are flattened: our lists have one level.
  for (const inner of [...body.querySelectorAll('li ul, li ol')]) {
    const li = inner.closest('li');
    li.after(...inner.children);
    inner.remove();
  }
  for (const br of [...body.querySelectorAll('br')]) br.replaceWith(doc.createTextNode(' '));
  // Word's empty paragraphs (<o:p>&nbsp;</o:p>) and spacer lines.
  for (const el of [...body.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li')]) {
    if (!el.textContent.replace(/[\s\u00a0]/g, '')) el.remove();
  }
  // Google Docs says bold and italic in inline styles. They become <strong> and <em> here, because the newsroom's
  // Content-Security-Policy (no inline styles) leaves the pasted elements' style properties empty for the parser.
  for (const el of [...body.querySelectorAll('[style]')]) {
    const s = styleOf(el);
    const weight = /(?:^|;)\s*font-weight:\s*([a-z0-9]+)/i.exec(s);
    const wraps = [];
    if (weight && /^(bold|bolder|[6-9]00)$/i.test(weight[1]) && !el.closest('b, strong, h1, h2, h3, h4, h5, h6')) wraps.push('strong');
    if (/(?:^|;)\s*font-style:\s*italic/i.test(s) && !el.closest('i, em')) wraps.push('em');
    for (const tag of wraps) {
      const w = doc.createElement(tag);
      w.append(...el.childNodes);
      el.append(w);
    }
  }
  // Every attribute but a link's address is noise.
  for (const el of body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      if (!(attr.name === 'href' && el.tagName === 'A')) el.removeAttribute(attr.name);
    }
  }
  return body.innerHTML;
}
