/** `<crm-data>`: importing this module registers the tag (once, even when loaded twice). */
import { defineElement } from '../define.js';
import { CrmData } from './crm-data.js';

export { CrmData };
defineElement('crm-data', CrmData);

declare global {
  interface HTMLElementTagNameMap {
    'crm-data': CrmData;
  }
}
