/** The shared widget foundation: base class, table/export helpers, controllers. See docs/widgets-base.md. */
export { CrmWidget, queryCommon, type SelectOptions, type WidgetQueryContext, type WidgetQueries, type WidgetResults } from './crm-widget.js';
export * from './table-data.js';
export { renderTable } from './table.js';
export * from './export.js';
export * from './filter.js';
export { RovingFocusController, type RovingFocusOptions } from './keyboard.js';
export { TooltipController, type TooltipContent } from './tooltip.js';
export { SizeController, sizeOf, NARROW_BELOW, WIDE_FROM, type WidgetSize } from './size-controller.js';
export { AncestorAttributeController, closestAttribute } from './ancestors.js';
export { widgetStyles } from './styles.js';
