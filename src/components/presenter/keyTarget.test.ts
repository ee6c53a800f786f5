// @vitest-environment jsdom
/** Where a key landed: typing, a widget, a button or the page, by the element's roles and tags. */
import { describe, expect, it } from 'vitest';
import { keyTarget } from './keyTarget';

function inside(html: string): Element {
  document.body.innerHTML = html;
  const target = document.querySelector('[data-target]');
  if (!target) throw new Error('no [data-target] in the fixture');
  return target;
}

describe('keyTarget', () => {
  it('takes text fields, selects, the terminal, the editor and dialogs for typing', () => {
    for (const html of [
      '<input data-target>',
      '<input type="search" data-target>',
      '<textarea data-target></textarea>',
      '<select data-target><option>1</option></select>',
      '<div class="xterm"><textarea data-target></textarea></div>',
      '<div class="cm-editor"><div data-target></div></div>',
      '<dialog open><button data-target>Close</button></dialog>',
      '<div contenteditable="true" data-target></div>',
    ])
      expect(keyTarget(inside(html)), html).toBe('text');
  });

  it('takes arrow-key controls for widgets', () => {
    for (const html of [
      '<input type="range" data-target>',
      '<input type="radio" data-target>',
      '<div role="separator" tabindex="0" data-target></div>',
      '<ul role="tree"><li role="treeitem" data-target>systemd</li></ul>',
      '<div role="menu"><button role="menuitem" data-target>Kill</button></div>',
    ])
      expect(keyTarget(inside(html)), html).toBe('widget');
  });

  it('takes buttons, links and checkboxes for buttons, anything else for the page', () => {
    for (const html of [
      '<button data-target>Present</button>',
      '<a href="#x" data-target>link</a>',
      '<input type="checkbox" data-target>',
      '<button><svg data-target></svg></button>',
    ])
      expect(keyTarget(inside(html)), html).toBe('button');
    expect(keyTarget(inside('<h3 tabindex="-1" data-target>Step 2</h3>'))).toBe('page');
    expect(keyTarget(document.body)).toBe('page');
    expect(keyTarget(null)).toBe('page');
    expect(keyTarget(window)).toBe('page');
  });
});
