import { expect } from '@open-wc/testing';
import { guessMapping, normalizeFeed } from '../../src/data/index.js';

describe('guessMapping', () => {
  it('maps Chinese order headers', () => {
    const headers = ['订单编号', '客户编号', '下单时间', '销售额', '渠道', '大区', '省份', '城市等级', '品类', '数量', '折扣', '状态', '备注'];
    expect(guessMapping(headers, 'orders')).to.deep.equal({
      订单编号: 'order_id',
      客户编号: 'customer_id',
      下单时间: 'order_date',
      销售额: 'amount',
      渠道: 'channel',
      大区: 'region',
      省份: 'province',
      城市等级: 'city_tier',
      品类: 'category',
      数量: 'quantity',
      折扣: 'discount',
      状态: 'status',
    });
  });

  it('maps English spellings and keeps canonical names', () => {
    expect(guessMapping(['Order No', 'Customer ID', 'date', 'revenue', 'Channel', 'region'], 'orders')).to.deep.equal({
      'Order No': 'order_id',
      'Customer ID': 'customer_id',
      date: 'order_date',
      revenue: 'amount',
      Channel: 'channel',
      region: 'region',
    });
    expect(guessMapping(['cust_no', 'order_date', 'total'], 'orders')).to.deep.equal({
      cust_no: 'customer_id',
      order_date: 'order_date',
      total: 'amount',
    });
  });

  it('uses each field once, the most specific column winning', () => {
    // "amount" is already canonical, so "revenue" and "total" stay unmapped; 金额 vs 总价: 金额 is specific.
    expect(guessMapping(['revenue', 'amount', 'total'], 'orders')).to.deep.equal({ amount: 'amount' });
    expect(guessMapping(['总价', '金额'], 'orders')).to.deep.equal({ 金额: 'amount' });
    // 客户名称 is a weak customer id but the name of a customer.
    expect(guessMapping(['客户ID', '客户名称', '注册日期', '手机号', '客户类型'], 'customers')).to.deep.equal({
      客户ID: 'customer_id',
      客户名称: 'name',
      注册日期: 'signup_date',
      手机号: 'phone',
      客户类型: 'type',
    });
    expect(guessMapping(['客户', '日期', '类型', '评分', '备注'], 'interactions')).to.deep.equal({
      客户: 'customer_id',
      日期: 'date',
      类型: 'kind',
      评分: 'nps',
      备注: 'note',
    });
  });

  it('produces a mapping normalizeFeed can use as is', () => {
    const rows = [{ 客户编号: 'K1', 订单日期: '2024/03/05', 金额: '1,000' }];
    const mapping = { orders: guessMapping(Object.keys(rows[0]!), 'orders') };
    expect(normalizeFeed(rows, { mapping }).tables.orders.objects()).to.deep.equal([
      { customer_id: 'K1', order_date: 19787, amount: 1000, order_kind: 0 },
    ]);
  });
});
