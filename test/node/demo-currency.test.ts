// The demo's currency search offers every code Intl knows, named in the page's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currencyFromInput, currencyOptions } from '../../demo/src/currency-options.js';

test('every Intl currency, with names in both locales; typed or picked values resolve to a code', () => {
  const en = currencyOptions('en');
  assert.equal(en.length, Intl.supportedValuesOf('currency').length);
  assert.ok(en.length > 150);
  assert.deepEqual(en.find(([c]) => c === 'BRL'), ['BRL', 'Brazilian Real']);
  assert.deepEqual(currencyOptions('zh-CN').find(([c]) => c === 'GBP'), ['GBP', '英镑']);
  const codes = en.map(([c]) => c);
  assert.equal(currencyFromInput(' brl ', codes), 'BRL');
  assert.equal(currencyFromInput('GBP — British Pound', codes), 'GBP');
  assert.equal(currencyFromInput('pounds', codes), null);
});
