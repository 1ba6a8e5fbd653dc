import { defineMessages } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locales.js';

/** Every visible string of `<crm-lifecycle-funnel>`, in both locales. */
export const funnelMessages = defineMessages(
  {
    title: 'Customer lifecycle funnel',
    stage: 'Stage',
    customers: 'Customers',
    fromPrevious: 'Conversion from previous',
    fromFirst: 'Conversion from first',
    dropOff: 'Drop-off',
    dropOffRate: 'Drop-off rate',
    medianDays: 'Median days from previous',
    observable: 'Observable',
    yes: 'yes',
    no: 'no',
    valueText: '{count} · {share}',
    notObservable: 'Not observable: {reason}',
    stepConversion: '↓ {rate} converted',
    stepConversionFrom: '↓ {rate} from {stage}',
    stepDropOff: '−{count} ({rate}) dropped',
    stepDays: { one: 'median {count} day', other: 'median {count} days' },
    tipCustomers: '{count} customers',
    tipFromFirst: '{rate} of {stage}',
    tipFromPrevious: '{rate} of {stage} converted; {count} ({dropRate}) dropped off',
    tipDays: { one: 'Median {count} day after {stage} ({measured} measured)', other: 'Median {count} days after {stage} ({measured} measured)' },
    declaredNote:
      'Counted from the declared lifecycle stage of {count} customer records (a customer counts at their stage and every earlier one); no dates, so no day medians.',
    declaredUnassigned: { one: '{count} record has no stage.', other: '{count} records have no stage.' },
    declaredUnknown: 'Values matching no stage: {values}.',
    summary: 'Of {total} customers at {first}, {path}.',
    summaryPath: '{rate} reached {stage}',
    summaryJoin: ', ',
    summarySep: '; ',
    notObservableShort: 'not observable',
    summaryDrop: 'the largest drop-off is between {from} and {to} ({rate})',
    summaryUnobservable: 'Not observable: {stages}.',
    unobservableSelected: '{stage} cannot be observed in this data.',
  },
  {
    title: '客户生命周期漏斗',
    stage: '阶段',
    customers: '客户数',
    fromPrevious: '上一阶段转化率',
    fromFirst: '首阶段转化率',
    dropOff: '流失数',
    dropOffRate: '流失率',
    medianDays: '距上一阶段天数中位数',
    observable: '可观测',
    yes: '是',
    no: '否',
    valueText: '{count} · {share}',
    notObservable: '无法观测：{reason}',
    stepConversion: '↓ 转化 {rate}',
    stepConversionFrom: '↓ 自{stage}转化 {rate}',
    stepDropOff: '流失 {count}（{rate}）',
    stepDays: '中位 {count} 天',
    tipCustomers: '{count} 位客户',
    tipFromFirst: '占{stage} {rate}',
    tipFromPrevious: '自{stage}转化 {rate}；流失 {count}（{dropRate}）',
    tipDays: '距{stage}中位 {count} 天（{measured} 位可计算）',
    declaredNote: '按 {count} 条客户记录中声明的生命周期阶段统计（处于某阶段的客户也计入之前各阶段）；无日期，因此没有天数中位数。',
    declaredUnassigned: '{count} 条记录没有阶段。',
    declaredUnknown: '无法对应阶段的值：{values}。',
    summary: '在{first}阶段的 {total} 位客户中，{path}。',
    summaryPath: '{rate}到达{stage}',
    summaryJoin: '，',
    summarySep: '；',
    notObservableShort: '无法观测',
    summaryDrop: '流失最大的是{from}到{to}（{rate}）',
    summaryUnobservable: '无法观测：{stages}。',
    unobservableSelected: '此数据无法观测{stage}阶段。',
  },
);

/** What the metric's observability reasons name, translated (`ruleObservability` wording). */
const NEEDS_ZH: Record<string, string> = {
  'a customers table': '客户表',
  'an interactions table': '互动表',
  'interactions with a kind column': '含 kind（类型）列的互动表',
  'interactions with an nps column': '含 nps 列的互动表',
};
const NEEDS_PATTERN = /^needs (.+); orders alone cannot show this stage$/;

/**
 * The metric's reason why a stage cannot be observed, in `locale`. The default rules' wording is translated;
 * a custom stage's own reason is shown as given.
 */
export function localizeReason(reason: string, locale: Locale): string {
  if (locale !== 'zh-CN') return reason;
  const m = NEEDS_PATTERN.exec(reason);
  const parts = m?.[1].split(' or ');
  if (!parts || !parts.every((p) => p in NEEDS_ZH)) return reason;
  return `需要${parts.map((p) => NEEDS_ZH[p]).join('或')}；仅凭订单无法看到此阶段`;
}
