/** `<crm-channel-mix>`: importing this module registers the tag. */
import { defineElement } from '../define.js';
import { CrmChannelMix } from './channel-mix.js';

export { CrmChannelMix, type ChannelMixView } from './channel-mix.js';
export { messages as channelMixMessages } from './messages.js';
defineElement('crm-channel-mix', CrmChannelMix);

declare global {
  interface HTMLElementTagNameMap {
    'crm-channel-mix': CrmChannelMix;
  }
}
