import { expect } from '@open-wc/testing';
import { unknownValueLabel, valueLabel, VALUE_NAMES } from '../../src/i18n/values.js';
import { KNOWN_CHANNELS, KNOWN_INTERACTION_KINDS } from '../../src/data/schema.js';
import { CHANNELS, CUSTOMER_TYPES, PART_CATEGORIES } from '../../src/sample/profiles.js';
import { CITY_TIERS, REGIONS } from '../../src/sample/china.js';

describe('valueLabel (one table of data value names)', () => {
  it('translates known values in both locales', () => {
    expect(valueLabel('en', 'channel', 'ecommerce')).to.equal('E-commerce');
    expect(valueLabel('zh-CN', 'channel', 'social')).to.equal('社交');
    expect(valueLabel('zh-CN', 'customerType', 'consumer')).to.equal('个人车主');
    expect(valueLabel('en', 'region', '华东')).to.equal('East China');
    expect(valueLabel('zh-CN', 'region', '华东')).to.equal('华东');
    expect(valueLabel('en', 'cityTier', 'tier4')).to.equal('Tier 4');
    expect(valueLabel('zh-CN', 'orderStatus', 'returned')).to.equal('已退货');
    expect(valueLabel('en', 'category', 'EV_Parts')).to.equal('EV parts'); // case-insensitive
  });

  it('shows other values as given and a missing one as (unknown)', () => {
    expect(valueLabel('zh-CN', 'channel', 'wechat_mini')).to.equal('wechat_mini');
    expect(valueLabel('en', 'channel', 'constructor')).to.equal('constructor'); // no prototype lookups
    expect(valueLabel('en', 'region', null)).to.equal('(unknown)');
    expect(valueLabel('zh-CN', 'channel', ' ')).to.equal('（未知）');
    expect(unknownValueLabel('zh-CN')).to.equal('（未知）');
  });

  it('names every value the schema and the sample generator produce', () => {
    const sets = {
      channel: [...KNOWN_CHANNELS, ...CHANNELS],
      interactionKind: KNOWN_INTERACTION_KINDS,
      customerType: CUSTOMER_TYPES,
      category: PART_CATEGORIES,
      cityTier: CITY_TIERS,
      region: REGIONS,
    } as const;
    for (const [field, values] of Object.entries(sets) as [keyof typeof VALUE_NAMES, readonly string[]][])
      for (const v of values) expect(VALUE_NAMES[field], `${field} ${v}`).to.have.property(v);
  });
});
