/**
 * What a chart renderer needs from its widget to make marks interactive, without knowing about controllers:
 * the base widget builds one from its roving-focus and tooltip controllers (`CrmWidget.markHandlers`).
 * Renderers put `tabindex`, `data-mark-index` and these listeners on each mark, and `keydown` on the group.
 */
export interface MarkHandlers {
  /** 0 for the one mark in the tab order, -1 for the others (roving tabindex). */
  tabIndex(index: number): number;
  /** Arrow keys, Home/End, Enter/Space, Escape on the marks' group. */
  keydown(event: KeyboardEvent): void;
  /** A mark got focus or the pointer: show its tooltip. */
  focus(index: number, mark: Element): void;
  /** Focus or pointer left a mark. */
  blur(): void;
  /** Click (or Enter/Space through `keydown`): select the mark. */
  activate(index: number): void;
}

/** Attribute carrying a mark's index, so keyboard handling can find the mark to focus. */
export const MARK_INDEX_ATTRIBUTE = 'data-mark-index';
