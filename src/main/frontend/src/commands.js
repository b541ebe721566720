// The editor's own commands: moving top-level blocks, Enter and Backspace inside the composite blocks (quote,
// image, list), and turning or inserting blocks from the "+" and "/" menu.
import { NodeSelection, TextSelection, Selection } from 'prosemirror-state';
import { schema, quoteNode } from './schema.js';

/** The top-level block the selection is in: its index, start position and node. */
export function currentBlock(state) {
  const { selection } = state;
  const $from = selection.$from;
  const index = $from.depth === 0 ? $from.index(0) : $from.index(0);
  if (index >= state.doc.childCount) return null;
  let start = 0;
  for (let i = 0; i < index; i++) start += state.doc.child(i).nodeSize;
  return { index, start, node: state.doc.child(index) };
}

/** Moves block FROM to index TO (positions counted before the move), keeping the selection on it. */
export function moveBlockTo(state, from, to, dispatch) {
  const doc = state.doc;
  if (from < 0 || from >= doc.childCount || to < 0 || to >= doc.childCount || from === to) return false;
  if (!dispatch) return true;
  let start = 0;
  for (let i = 0; i < from; i++) start += doc.child(i).nodeSize;
  const node = doc.child(from);
  const sel = state.selection;
  const inside = sel.from >= start && sel.to <= start + node.nodeSize;
  const anchorOffset = inside ? sel.anchor - start : 0;
  const headOffset = inside ? sel.head - start : 0;
  const tr = state.tr.delete(start, start + node.nodeSize);
  let target = 0;
  for (let i = 0; i < to; i++) target += tr.doc.child(i).nodeSize;
  tr.insert(target, node);
  if (sel instanceof NodeSelection && inside) {
    tr.setSelection(NodeSelection.create(tr.doc, target));
  } else if (inside) {
    tr.setSelection(TextSelection.create(tr.doc, target + anchorOffset, target + headOffset));
  } else {
    tr.setSelection(NodeSelection.create(tr.doc, target));
  }
  dispatch(tr.scrollIntoView().setMeta('moved', to));
  return true;
}

export function moveBlock(direction) {
  return (state, dispatch) => {
    const block = currentBlock(state);
    if (!block) return false;
    return moveBlockTo(state, block.index, block.index + direction, dispatch);
  };
}

/** Enter inside a quote's text goes to its attribution; in the attribution (or an image's credit) it leaves. */
export function enterInComposite(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty) return false;
  const name = $from.parent.type.name;
  if (name === 'quote_text' || name === 'image_caption') {
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, $from.after() + 1)).scrollIntoView());
    return true;
  }
  if (name === 'quote_by' || name === 'image_credit') {
    const after = $from.after($from.depth - 1);
    if (dispatch) {
      const tr = state.tr.insert(after, schema.nodes.paragraph.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
    }
    return true;
  }
  return false;
}

/** Enter in an empty list item ends the list with a new paragraph (or turns the lone item into one). */
export function enterInList(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type !== schema.nodes.list_item || $from.parent.content.size) return false;
  const list = $from.node($from.depth - 1);
  const listStart = $from.before($from.depth - 1);
  const itemIndex = $from.index($from.depth - 1);
  if (!dispatch) return true;
  let tr = state.tr;
  if (list.childCount === 1) {
    tr = tr.replaceWith(listStart, listStart + list.nodeSize, schema.nodes.paragraph.create());
    tr.setSelection(TextSelection.create(tr.doc, listStart + 1));
  } else if (itemIndex === list.childCount - 1) {
    tr = tr.delete($from.before(), $from.after());
    const after = tr.mapping.map(listStart + list.nodeSize);
    tr.insert(after, schema.nodes.paragraph.create());
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
  } else {
    return false;
  }
  dispatch(tr.scrollIntoView());
  return true;
}

/** Backspace at the start of a heading, quote or list item turns it back into a paragraph. */
export function backspaceToParagraph(state, dispatch) {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset !== 0) return false;
  const parent = $from.parent;
  if (parent.type === schema.nodes.heading) {
    if (dispatch) dispatch(state.tr.setBlockType($from.before(), $from.after(), schema.nodes.paragraph));
    return true;
  }
  if (parent.type === schema.nodes.quote_text || parent.type === schema.nodes.list_item) {
    const outer = $from.node($from.depth - 1);
    if (parent.type === schema.nodes.list_item && $from.index($from.depth - 1) > 0) return false;
    if (parent.type === schema.nodes.quote_text && outer.child(1).content.size) return false;
    if (dispatch) {
      const start = $from.before($from.depth - 1);
      const para = schema.nodes.paragraph.create(null, parent.content);
      let tr = state.tr;
      if (parent.type === schema.nodes.list_item && outer.childCount > 1) {
        tr = tr.delete($from.before(), $from.after()).insert(start, para);
      } else {
        tr = tr.replaceWith(start, start + outer.nodeSize, para);
      }
      dispatch(tr.setSelection(TextSelection.create(tr.doc, start + 1)).scrollIntoView());
    }
    return true;
  }
  if ((parent.type === schema.nodes.quote_by || parent.type === schema.nodes.image_credit)) {
    if (dispatch) dispatch(state.tr.setSelection(Selection.near(state.doc.resolve($from.before() - 1), -1)));
    return true;
  }
  if (parent.type === schema.nodes.image_caption) return true; // never merge a caption into the photo
  return false;
}

/**
 * Puts block NODE where the cursor's top-level block is: replacing it when it is an empty paragraph (the "/"
 * line), else after it. The cursor goes into the new block's first text, or selects it when it has none.
 */
export function placeBlock(state, node, dispatch) {
  const block = currentBlock(state);
  let tr = state.tr;
  let pos;
  if (block && block.node.type === schema.nodes.paragraph && !block.node.textContent.replace(/^\/\S*$/, '')) {
    pos = block.start;
    tr = tr.replaceWith(pos, pos + block.node.nodeSize, node);
  } else {
    pos = block ? block.start + block.node.nodeSize : state.doc.content.size;
    tr = tr.insert(pos, node);
  }
  const placed = tr.doc.nodeAt(pos);
  if (placed.isTextblock || placed.firstChild?.isTextblock || placed.firstChild?.isText === false) {
    tr.setSelection(Selection.near(tr.doc.resolve(pos + 1)));
  } else {
    // An atom (divider, video): a paragraph after it to keep writing in.
    const after = pos + placed.nodeSize;
    if (!tr.doc.nodeAt(after)) tr.insert(after, schema.nodes.paragraph.create());
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
  }
  dispatch(tr.scrollIntoView());
  return true;
}

/** Turns the cursor's paragraph or heading into TYPE, keeping its text (marks only where TYPE has them). */
export function turnInto(type, attrs) {
  return (state, dispatch) => {
    const block = currentBlock(state);
    if (!block || !(block.node.type === schema.nodes.paragraph || block.node.type === schema.nodes.heading
        || block.node.type === schema.nodes.list)) return false;
    const source = block.node.type === schema.nodes.list ? block.node.firstChild : block.node;
    const text = source.textContent;
    const inline = source.type === schema.nodes.heading ? (text ? schema.text(text) : null) : source.content;
    let node;
    if (type === schema.nodes.list) node = type.create(attrs, schema.nodes.list_item.create(null, inline));
    else if (type === schema.nodes.paragraph) node = type.create(attrs, inline);
    else if (type === schema.nodes.quote) node = quoteNode(text, '');
    else node = type.create(attrs, text ? schema.text(text) : null);
    if (dispatch) {
      const tr = state.tr.replaceWith(block.start, block.start + block.node.nodeSize, node);
      const depth = type === schema.nodes.list || type === schema.nodes.quote ? 2 : 1;
      dispatch(tr.setSelection(TextSelection.create(tr.doc, block.start + depth + text.length)).scrollIntoView());
    }
    return true;
  };
}
