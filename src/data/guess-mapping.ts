/**
 * Guesses a field mapping from a feed's column headers (English and Chinese, and the usual export spellings:
 * `InvoiceNo`, `CustomerID`, `UnitPrice`, `order_purchase_timestamp`, `客户编号`, `下单时间`, `实付金额`…) and,
 * for required fields no name matched, from the values (a column of dates, of money, of repeated ids). For the
 * mapping step of an import UI and for the hint of a missing-column error. A guess, never applied silently.
 */
import { SCHEMA, type TableName } from './schema.js';
import { parseDay } from './normalize/dates.js';
import { parseNumber } from './normalize/coerce.js';

/** Lower-cases and drops spaces, `_ - . / ()` and their full-width forms: `Customer ID` → `customerid`. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./()（）:：#]/g, '');
}

/** Synonyms per field, normalized, most specific first; `weak` ones lose to any specific match elsewhere. */
interface Synonyms {
  /** Beat even a column spelled exactly as the field (`customer_unique_id` over a per-order `customer_id`). */
  preferred?: string[];
  strong: string[];
  weak?: string[];
}

const CUSTOMER_ID: Synonyms = {
  preferred: ['customeruniqueid', 'uniquecustomerid', 'buyeruniqueid', 'customerkey'],
  strong: [
    'customerid', 'custid', 'custno', 'customerno', 'customernumber', 'customercode', 'clientid', 'clientno',
    'memberid', 'memberno', 'buyerid', 'accountid', 'userid', 'customerref', 'accountnumber', 'shoppercustomerid',
    'contactid', 'partnerid', 'debtorno', 'soldto', 'soldtoparty',
    '客户编号', '客户id', '客户号', '客户代码', '客户编码', '会员id', '会员编号', '会员号', '用户id', '买家id',
    '客户账号', '买家账号', '买家会员名', '会员账号', '用户编号', '顾客编号', '客户ＩＤ',
  ],
  weak: ['customer', 'client', 'member', 'customername', '客户', '客户名称', '会员', '客户名'],
};
const REGION: Synonyms = { strong: ['region', 'salesregion', '地区', '大区', '区域', '销售区域'], weak: ['area', '片区'] };
const PROVINCE: Synonyms = {
  strong: ['province', 'provincename', 'customerstate', 'state', 'stateprovince', 'shippingprovince', 'billingprovince',
    'shipstate', 'shippingstate', '省份', '省', '所在省份', '收货省份', '省份名称', '收货人省份'],
  weak: ['sellerstate', 'statecode'],
};
const COUNTRY: Synonyms = {
  strong: ['country', 'countryname', 'countrycode', 'countryregion', 'customercountry', 'shippingcountry', 'billingcountry',
    'shipcountry', 'nation', '国家', '国家地区', '国别', '所在国家', '收货国家'],
  weak: ['market', '市场'],
};
const CURRENCY: Synonyms = {
  strong: ['currency', 'currencycode', 'curr', 'ccy', 'isocurrency', '币种', '货币', '币别', '结算币种', '交易币种'],
};
const CITY_TIER: Synonyms = {
  strong: ['citytier', 'citylevel', 'tier', '城市等级', '城市级别', '城市线级', '城市层级', '线级'],
};

/** A plate or VIN: on orders and interactions it ties the row to a vehicle of the vehicles table. */
const VEHICLE_ID: Synonyms = {
  strong: [
    'vehicleid', 'vin', 'vinno', 'vincode', 'vinnumber', 'chassisno', 'chassisnumber', 'plate', 'plateno',
    'platenumber', 'licenseplate', 'licenceplate', 'registrationno', 'regno', 'carid',
    '车辆id', '车辆编号', '车架号', '车辆识别代号', '车辆识别码', 'vin码', '车牌', '车牌号', '车牌号码',
  ],
  weak: ['vehicle', 'car', 'registration', '车辆'],
};

const SYNONYMS: Record<TableName, Record<string, Synonyms>> = {
  orders: {
    order_id: {
      strong: ['orderid', 'orderno', 'ordernumber', 'ordercode', 'transactionid', 'invoiceno', 'invoiceid',
        'invoice', 'invoicenumber', 'orderref', 'salesorder', 'salesorderno', 'documentno', 'receiptno', 'billno',
        '订单号', '订单编号', '订单id', '单号', '订单编码', '交易号', '交易编号', '发票号', '单据编号', '销售单号', '子订单编号'],
      weak: ['id', 'no', '编号'],
    },
    customer_id: CUSTOMER_ID,
    order_date: {
      strong: ['orderdate', 'orderdatetime', 'ordertime', 'purchasedate', 'transactiondate', 'invoicedate',
        'saledate', 'orderpurchasetimestamp', 'purchasetimestamp', 'ordercreatedat', 'orderplacedat', 'placedat',
        'invoicedatetime', 'transactiontime', 'salesdate', 'documentdate', 'purchasetime',
        '订单日期', '下单时间', '下单日期', '订单时间', '交易日期', '购买日期', '成交日期', '销售日期', '订单创建时间',
        '付款时间', '创建日期', '单据日期', '开票日期'],
      weak: ['date', 'datetime', 'time', 'createdat', 'created', 'timestamp', '日期', '时间', '创建时间'],
    },
    amount: {
      strong: ['amount', 'revenue', 'sales', 'totalamount', 'orderamount', 'ordervalue', 'ordertotal', 'netamount',
        'salesamount', 'grandtotal', 'gmv', 'paymentvalue', 'paymentamount', 'amountpaid', 'paidamount',
        'linetotal', 'lineamount', 'totalsales', 'subtotal', 'nettotal', 'totalpaid', 'orderrevenue',
        '金额', '销售额', '订单金额', '实付金额', '总金额', '成交金额', '销售金额', '实收金额', '营收', '收入', '交易金额',
        '付款金额', '实付款', '支付金额', '应付金额', '买家实付金额', '订单总金额', '含税金额', '价税合计'],
      weak: ['total', 'value', 'totalprice', 'money', 'payment', '总价'],
    },
    channel: {
      strong: ['channel', 'saleschannel', 'orderchannel', 'ordersource', 'saleschannelname', 'platform', 'storetype',
        '渠道', '销售渠道', '下单渠道', '订单来源', '销售平台', '平台'],
      weak: ['source', '来源'],
    },
    region: REGION,
    province: PROVINCE,
    country: COUNTRY,
    city_tier: CITY_TIER,
    category: {
      strong: ['category', 'productcategory', 'itemcategory', 'productline', '品类', '类别', '产品类别', '商品类别',
        '类目', '产品线', '商品品类'],
      weak: ['type', '类型'],
    },
    quantity: {
      strong: ['quantity', 'qty', 'units', 'unitssold', 'itemcount', 'quantityordered', 'orderedquantity', 'qtyordered',
        '数量', '件数', '销量', '购买数量', '商品数量', '宝贝数量'],
      weak: ['count'],
    },
    unit_price: {
      strong: ['unitprice', 'price', 'priceeach', 'itemprice', 'saleprice', 'sellingprice', 'unitcost', 'priceperunit',
        'rate', '单价', '商品单价', '销售单价', '成交单价', '价格'],
    },
    discount: { strong: ['discount', 'discountamount', 'discountrate', '折扣', '优惠', '折扣金额', '优惠金额', '折扣率'] },
    status: {
      strong: ['status', 'orderstatus', 'financialstatus', 'transactionstatus', '状态', '订单状态', '交易状态'],
    },
    payment_method: {
      strong: ['paymentmethod', 'paymenttype', 'paymode', 'paymentmode', 'paymentgateway', 'tender',
        'tendertype', '支付方式', '付款方式', '支付类型', '结算方式'],
    },
    vehicle_id: VEHICLE_ID,
    currency: CURRENCY,
  },
  customers: {
    customer_id: CUSTOMER_ID,
    name: {
      strong: ['name', 'customername', 'fullname', 'clientname', 'company', 'companyname', '客户名称', '姓名',
        '客户姓名', '名称', '客户名', '公司名称', '企业名称'],
    },
    type: { strong: ['type', 'customertype', 'clienttype', 'segment', '类型', '客户类型', '客户类别'] },
    region: REGION,
    province: PROVINCE,
    country: COUNTRY,
    city_tier: CITY_TIER,
    signup_date: {
      strong: ['signupdate', 'signup', 'registrationdate', 'registerdate', 'registeredat', 'joindate', 'joined',
        'firstorderdate', '注册日期', '注册时间', '开户日期', '建档日期', '入会日期', '首次下单日期'],
      weak: ['createdat', 'created', 'date', '创建时间', '日期'],
    },
    phone: { strong: ['phone', 'mobile', 'tel', 'telephone', 'phonenumber', 'cellphone', '电话', '手机', '手机号', '联系电话', '手机号码'] },
    email: { strong: ['email', 'mail', 'emailaddress', '邮箱', '电子邮件', '电子邮箱'] },
    lifecycle_stage: { strong: ['lifecyclestage', 'lifecycle', 'stage', '生命周期', '生命周期阶段', '阶段', '客户阶段'] },
    tags: { strong: ['tags', 'tag', 'labels', 'label', '标签', '客户标签'] },
  },
  interactions: {
    customer_id: CUSTOMER_ID,
    date: {
      strong: ['date', 'interactiondate', 'eventdate', 'contactdate', '互动日期', '跟进日期', '联系日期', '日期'],
      weak: ['datetime', 'time', 'timestamp', 'createdat', '时间', '跟进时间', '创建时间'],
    },
    channel: { strong: ['channel', 'contactchannel', '渠道', '联系方式'], weak: ['方式', 'medium'] },
    kind: { strong: ['kind', 'interactiontype', 'eventtype', 'activitytype', '互动类型', '类型', '事件类型'], weak: ['type', 'event', 'activity'] },
    nps: { strong: ['nps', 'npsscore', '净推荐值', 'nps评分'], weak: ['score', 'rating', '评分'] },
    note: { strong: ['note', 'notes', 'comment', 'comments', 'remark', 'remarks', '备注', '说明', '内容', '跟进内容'], weak: ['description', 'text'] },
    vehicle_id: VEHICLE_ID,
  },
  vehicles: {
    customer_id: CUSTOMER_ID,
    vehicle_id: VEHICLE_ID,
    make: { strong: ['make', 'brand', 'carbrand', 'vehiclebrand', 'manufacturer', '品牌', '车辆品牌', '汽车品牌', '厂牌', '厂商'] },
    model: { strong: ['model', 'carmodel', 'vehiclemodel', 'modelname', '车型', '型号', '车系', '车辆型号', '车型名称'] },
    year: {
      strong: ['year', 'modelyear', 'productionyear', 'yearofmanufacture', 'manufactureyear', '年款', '车型年款',
        '出厂年份', '生产年份', '年份'],
    },
    mileage: {
      strong: ['mileage', 'odometer', 'odometerkm', 'currentmileage', 'mileagekm', 'kilometers', 'kilometres', 'km',
        '里程', '行驶里程', '当前里程', '表显里程', '公里数', '里程数'],
    },
    mileage_date: {
      strong: ['mileagedate', 'odometerdate', 'readingdate', 'mileagereaddate', '里程日期', '里程记录日期', '抄表日期', '读数日期'],
      weak: ['date', '日期'],
    },
    last_service_date: {
      strong: ['lastservicedate', 'lastservice', 'servicedate', 'lastmaintenancedate', 'lastmaintenance',
        '上次保养日期', '最近保养日期', '保养日期', '上次保养时间'],
    },
    last_service_mileage: {
      strong: ['lastservicemileage', 'servicemileage', 'lastserviceodometer', 'lastservicekm', '上次保养里程',
        '最近保养里程', '保养里程'],
    },
  },
};

/** The values of a column (first rows are enough), for guesses from values. */
export type ColumnValues = (column: string) => ArrayLike<unknown>;

/**
 * Guesses `{ hostColumn: canonicalField }` for a table from its column headers (and, given `values`, from the
 * values of required fields no header matched). A column already spelled as a canonical field keeps it (and
 * appears as `x: x`); each canonical field and each column is used at most once, the most specific match
 * winning. A column spelled as a field that another column won is mapped to `""` (kept as an extra column).
 * Columns with no guess are left out.
 */
export function guessMapping(columns: readonly string[], table: TableName, values?: ColumnValues): Record<string, string> {
  const fields = SCHEMA[table].map((f) => f.name);
  const synonyms = SYNONYMS[table];
  // Candidate (score, column, field): preferred −1, exact canonical name 0, strong synonym 1 + rank, weak 1000 + rank.
  const candidates: { score: number; column: string; field: string }[] = [];
  for (const column of columns) {
    const key = normalizeHeader(column);
    for (const field of fields) {
      const s = Object.hasOwn(synonyms, field) ? synonyms[field] : undefined;
      if (s?.preferred?.includes(key)) candidates.push({ score: -1, column, field });
      if (column.trim() === field) candidates.push({ score: 0, column, field });
      else if (key === normalizeHeader(field)) candidates.push({ score: 0.5, column, field });
      if (!s) continue;
      const strong = s.strong.indexOf(key);
      if (strong >= 0) candidates.push({ score: 1 + strong, column, field });
      const weak = s.weak?.indexOf(key) ?? -1;
      if (weak >= 0) candidates.push({ score: 1000 + weak, column, field });
    }
  }
  candidates.sort((a, b) => a.score - b.score || columns.indexOf(a.column) - columns.indexOf(b.column));
  const chosen = new Map<string, string>();
  const used = new Set<string>();
  for (const c of candidates) {
    if (used.has(c.field) || chosen.has(c.column)) continue;
    chosen.set(c.column, c.field);
    used.add(c.field);
  }
  if (values) guessFromValues(columns, table, values, chosen, used);
  // A column named as a field another column won stays, as an extra column.
  for (const column of columns) if (!chosen.has(column) && used.has(column.trim())) chosen.set(column, '');
  // In the feed's column order, for display.
  const mapping: Record<string, string> = {};
  for (const column of columns) if (chosen.has(column)) mapping[column] = chosen.get(column)!;
  return mapping;
}

/** Rows of a column looked at for a guess from values. */
const VALUE_SAMPLE = 200;

/** Share of non-blank sampled values that must fit. */
const FIT = 0.9;

/** Required fields no header matched, guessed from the values of the columns still free. */
function guessFromValues(columns: readonly string[], table: TableName, values: ColumnValues, chosen: Map<string, string>, used: Set<string>): void {
  const free = () => columns.filter((c) => !chosen.has(c));
  const sample = (c: string) => {
    const v = values(c);
    const out: unknown[] = [];
    for (let i = 0; i < v.length && out.length < VALUE_SAMPLE; i++) if (v[i] !== null && v[i] !== undefined && v[i] !== '') out.push(v[i]);
    return out;
  };
  const share = (xs: unknown[], test: (x: unknown) => boolean) => (xs.length ? xs.filter(test).length / xs.length : 0);
  const isDate = (x: unknown) => typeof x === 'string' && /[-/.年:]/.test(x) && Number.isFinite(parseDay(x, (ms) => Math.floor(ms / 86_400_000)));
  const isMoney = (x: unknown) => Number.isFinite(parseNumber(x)) && !(typeof x === 'string' && /[-/:年]/.test(x.trim().slice(1)));
  for (const spec of SCHEMA[table]) {
    if (!spec.required || used.has(spec.name)) continue;
    let best: string | undefined;
    let bestScore = 0;
    for (const column of free()) {
      const xs = sample(column);
      if (xs.length < 2) continue;
      let score = 0;
      if (spec.type === 'day') score = share(xs, isDate);
      else if (spec.type === 'number') {
        // Money: numbers, some with cents, not all integers (ids and counts are integers).
        const fit = share(xs, isMoney);
        const fractional = share(xs, (x) => isMoney(x) && !Number.isInteger(parseNumber(x)));
        score = fit >= FIT && fractional > 0.2 ? fit + fractional : 0;
      } else {
        // Ids: values that repeat (several rows per customer), not dates, not money with cents.
        const distinct = new Set(xs.map(String)).size;
        const dates = share(xs, isDate);
        const fractional = share(xs, (x) => isMoney(x) && !Number.isInteger(parseNumber(x)));
        score = distinct < xs.length * 0.9 && distinct > 1 && dates < 0.5 && fractional < 0.1 ? 1 - distinct / xs.length : 0;
      }
      if (score >= (spec.type === 'string' ? 0.1 : FIT) && score > bestScore) {
        best = column;
        bestScore = score;
      }
    }
    if (best !== undefined) {
      chosen.set(best, spec.name);
      used.add(spec.name);
    }
  }
}
