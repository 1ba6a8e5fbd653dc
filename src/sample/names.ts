/**
 * Made-up but plausible names and contact details: business names built from city + brand word + a suffix
 * that fits the customer type, person names from common surnames and given-name characters, masked mobiles.
 * Every brand word is invented (no real chain or company names).
 */
import type { Random } from './random.js';
import type { CustomerType } from './profiles.js';

const BRAND_WORDS = (
  '顺达 恒通 鑫源 宏达 永安 金路 安驰 通达 众诚 联众 博远 华驰 悦途 速捷 骏驰 路畅 德隆 新航 盛世 万里 ' +
  '祥瑞 嘉诚 利民 安途 佳速 捷诚 驰远 锦程 凯达 金盾 天顺 广源 兴业 正和 永盛 卓越 百顺 畅行 安邦 中驰 ' +
  '福源 瑞丰 鸿运 金凯 龙腾 宝驰 易达 信诚 宏图 东升'
).split(' ');

/** Invented chain brands for `service_chain` branches. */
const CHAIN_BRANDS = ['驰速快修', '车悦养车', '途安养车', '安心快修', '优驾养护', '车博士快修', '速援车服', '蓝盾养车'];
const DISTRICTS = '东城 西城 高新 开发区 新区 南湖 北站 滨江 城南 城北 江北 经开 万达 大学城 机场路 火车站'.split(' ');

/** Name patterns per business type: `C` = city, `B` = brand word. */
const BUSINESS_PATTERNS: Partial<Record<CustomerType, readonly string[]>> = {
  repair_shop: ['CB汽修', 'CB汽车维修', 'B汽修厂', 'CB汽车服务中心', 'CB汽车修理厂'],
  modification_shop: ['CB改装', 'B汽车改装工坊', 'CB车艺', 'B性能改装'],
  dealer: ['CB汽配', 'B汽配商行', 'CB汽车配件有限公司', 'CB汽配城'],
  fleet: ['CB物流', 'B运输车队', 'CB出租汽车公司', 'CB网约车车队', 'CB货运'],
};

const SURNAMES = (
  '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 ' +
  '彭 曾 肖 田 董 潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 卢'
).split(' ');
const GIVEN = (
  '伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 涛 明 超 秀 霞 平 刚 英 华 建 文 斌 宇 浩 凯 鹏 俊 ' +
  '帆 欣 婷 雪 琳 晨 博 子 轩 梓 涵 一 诺 思 雨 嘉 佳 志 海 国 红 兵 峰 亮 辉 龙 飞 鑫 波 宁 康'
).split(' ');
const MOBILE_PREFIXES = '138 139 137 136 135 150 151 152 158 159 182 183 187 188 186 130 131 132 155 156 185 133 153 180 189 177 199'.split(' ');

/** A person name: surname (the common ones more often) + one or two given-name characters. */
export function personName(rng: Random): string {
  // Surnames are listed by frequency: squaring the uniform draw favours the front of the list.
  const u = rng.next();
  const surname = SURNAMES[Math.floor(u * u * SURNAMES.length)];
  const given = rng.pick(GIVEN);
  return rng.chance(0.7) ? surname + given + rng.pick(GIVEN) : surname + given;
}

/** A business name fitting the type, in the given city. */
export function businessName(rng: Random, type: CustomerType, city: string): string {
  if (type === 'service_chain') return `${rng.pick(CHAIN_BRANDS)}(${city}${rng.pick(DISTRICTS)}店)`;
  const pattern = rng.pick(BUSINESS_PATTERNS[type] ?? BUSINESS_PATTERNS.repair_shop!);
  return pattern.replace('C', city).replace('B', rng.pick(BRAND_WORDS));
}

/** A masked mobile number as CRMs export them: `138****5678`. */
export function maskedMobile(rng: Random): string {
  return `${rng.pick(MOBILE_PREFIXES)}****${String(rng.int(10000)).padStart(4, '0')}`;
}
