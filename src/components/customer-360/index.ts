/** `<crm-customer-360>`: one customer's profile card. Importing this module registers the tag. */
import { defineElement } from '../define.js';
import { CrmCustomer360 } from './customer-360.js';

defineElement('crm-customer-360', CrmCustomer360);

export { CrmCustomer360, type Customer360Result } from './customer-360.js';
export { CustomerPicker, PICKER_LIMIT } from './picker.js';

declare global {
  interface HTMLElementTagNameMap {
    'crm-customer-360': CrmCustomer360;
  }
}
