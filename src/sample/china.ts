/**
 * Mainland China geography for the sample data: the seven customary sales regions, their provinces (short
 * names, as `properties.name` in the bundled china-provinces GeoJSON), a few cities per province with a city
 * tier, and relative customer weights (roughly following vehicle ownership).
 *
 * City tiers are written `tier1` … `tier4` (labels are the i18n layer's job): `tier1` = 北上广深,
 * `tier2` = "new tier 1" and tier 2 cities, `tier3` = other prefecture cities, `tier4` = smaller cities and
 * counties (the listed tier4 city stands for its province's long tail).
 */

export const CITY_TIERS = ['tier1', 'tier2', 'tier3', 'tier4'] as const;
export type CityTier = (typeof CITY_TIERS)[number];

export const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'] as const;
export type Region = (typeof REGIONS)[number];

/** Provinces of each region (short names). */
export const REGION_PROVINCES: Readonly<Record<Region, readonly string[]>> = {
  华东: ['上海', '江苏', '浙江', '安徽', '福建', '江西', '山东'],
  华南: ['广东', '广西', '海南'],
  华北: ['北京', '天津', '河北', '山西', '内蒙古'],
  华中: ['河南', '湖北', '湖南'],
  西南: ['重庆', '四川', '贵州', '云南', '西藏'],
  西北: ['陕西', '甘肃', '青海', '宁夏', '新疆'],
  东北: ['辽宁', '吉林', '黑龙江'],
};

/** Province → [relative customer weight, "city+tierDigit …"]. */
const PROVINCE_DATA: Record<string, [number, string]> = {
  上海: [5, '上海1'],
  江苏: [22, '南京2 苏州2 无锡2 常州2 南通2 徐州2 扬州3 盐城3 淮安3 宿迁4'],
  浙江: [21, '杭州2 宁波2 温州2 金华2 嘉兴2 绍兴3 台州3 湖州3 丽水4 衢州4'],
  安徽: [10, '合肥2 芜湖3 蚌埠3 阜阳3 安庆4 六安4'],
  福建: [9, '福州2 厦门2 泉州2 漳州3 莆田3 龙岩4 南平4'],
  江西: [7, '南昌2 赣州3 九江3 上饶3 吉安4 抚州4'],
  山东: [25, '济南2 青岛2 烟台2 潍坊3 临沂3 济宁3 淄博3 菏泽4 聊城4 德州4'],
  广东: [28, '广州1 深圳1 东莞2 佛山2 珠海2 惠州2 中山2 汕头3 湛江3 江门3 揭阳4 韶关4 梅州4'],
  广西: [8, '南宁2 柳州3 桂林3 玉林3 百色4 河池4'],
  海南: [1.8, '海口2 三亚3 儋州4'],
  北京: [7, '北京1'],
  天津: [4, '天津2'],
  河北: [17, '石家庄2 唐山3 保定3 邯郸3 沧州3 廊坊3 邢台4 张家口4'],
  山西: [7, '太原2 大同3 运城3 长治3 临汾4 晋中4'],
  内蒙古: [6, '呼和浩特2 包头3 鄂尔多斯3 赤峰4 通辽4'],
  河南: [20, '郑州2 洛阳3 南阳3 新乡3 商丘3 周口4 信阳4 驻马店4'],
  湖北: [10, '武汉2 宜昌3 襄阳3 荆州3 黄冈4 十堰4'],
  湖南: [10, '长沙2 株洲3 衡阳3 岳阳3 常德3 邵阳4 怀化4'],
  重庆: [6, '重庆2'],
  四川: [15, '成都2 绵阳3 宜宾3 南充3 德阳3 泸州4 达州4'],
  贵州: [7, '贵阳2 遵义3 毕节4 黔南4'],
  云南: [9, '昆明2 曲靖3 大理3 红河4 玉溪4'],
  西藏: [0.6, '拉萨3 日喀则4'],
  陕西: [8, '西安2 宝鸡3 咸阳3 榆林3 渭南4 汉中4'],
  甘肃: [4, '兰州2 天水3 酒泉4 庆阳4'],
  青海: [1.3, '西宁3 海东4'],
  宁夏: [1.5, '银川3 石嘴山4 吴忠4'],
  新疆: [5, '乌鲁木齐2 昌吉3 伊犁4 喀什4 库尔勒4'],
  辽宁: [8, '沈阳2 大连2 鞍山3 锦州3 营口3 丹东4'],
  吉林: [5, '长春2 吉林3 四平4 延边4'],
  黑龙江: [6, '哈尔滨2 大庆3 齐齐哈尔3 牡丹江4 佳木斯4'],
};

/** Relative weight of a city by tier: big cities have more shops and drivers than their count suggests. */
const TIER_WEIGHT = [8, 3, 1.5, 1.6];

export interface SampleCity {
  name: string;
  province: string;
  /** Index into `REGIONS`. */
  region: number;
  /** Index into `CITY_TIERS`. */
  tier: number;
  /** Relative share of customers. */
  weight: number;
}

/** Every city of the sample, region by region: the unit customers are placed in. */
export const SAMPLE_CITIES: readonly SampleCity[] = REGIONS.flatMap((region, r) =>
  REGION_PROVINCES[region].flatMap((province) => {
    const [provinceWeight, cityList] = PROVINCE_DATA[province];
    const cities = cityList.split(' ').map((c) => ({ name: c.slice(0, -1), tier: Number(c.slice(-1)) - 1 }));
    const tierSum = cities.reduce((s, c) => s + TIER_WEIGHT[c.tier], 0);
    return cities.map((c) => ({
      name: c.name,
      province,
      region: r,
      tier: c.tier,
      weight: (provinceWeight * TIER_WEIGHT[c.tier]) / tierSum,
    }));
  }),
);

/** Province short name → region. */
export const PROVINCE_REGION: Readonly<Record<string, Region>> = Object.fromEntries(
  REGIONS.flatMap((region) => REGION_PROVINCES[region].map((p) => [p, region])),
);
