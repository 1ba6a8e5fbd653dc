// Each widget class can be imported without registering its tag (a host may pick its own tag name).
import { expect } from '@open-wc/testing';
import { CrmRfmMatrix } from '../../src/components/rfm-matrix/rfm-matrix.js';
import { CrmChannelMix } from '../../src/components/channel-mix/channel-mix.js';
import { CrmData } from '../../src/components/data/crm-data.js';

describe('importing a class module', () => {
  it('does not register the crm- tag', () => {
    expect(customElements.get('crm-rfm-matrix')).to.equal(undefined);
    expect(customElements.get('crm-channel-mix')).to.equal(undefined);
    expect(customElements.get('crm-data')).to.equal(undefined);
  });

  it('lets the host register the class under its own tag', () => {
    customElements.define('acme-rfm', CrmRfmMatrix);
    customElements.define('acme-channels', CrmChannelMix);
    customElements.define('acme-data', CrmData);
    expect(document.createElement('acme-rfm')).to.be.instanceOf(CrmRfmMatrix);
  });
});
