/**
 * ISO 3166-1 codes of the countries on the world map (src/geo/world-countries-110m.ts), and the names a feed
 * may spell them with: the map's own short name, alpha-2, alpha-3, numeric, the English and Chinese names
 * from `Intl.DisplayNames` (so no translation table to keep), ISO's formal English short names where they
 * differ, and a few spellings seen in real exports (UK, EIRE, RSA, USA…).
 */
import { placeKey } from './match-places.js';

/** Numeric id → alpha-2 + alpha-3, for the 177 map features ("XKXKX": Kosovo's user-assigned code). */
const CODES =
  '242FJFJI 834TZTZA 732EHESH 124CACAN 840USUSA 398KZKAZ 860UZUZB 598PGPNG 360IDIDN 032ARARG 152CLCHL 180CDCOD ' +
  '706SOSOM 404KEKEN 729SDSDN 148TDTCD 332HTHTI 214DODOM 643RURUS 044BSBHS 238FKFLK 578NONOR 304GLGRL 260TFATF ' +
  '626TLTLS 710ZAZAF 426LSLSO 484MXMEX 858UYURY 076BRBRA 068BOBOL 604PEPER 170COCOL 591PAPAN 188CRCRI 558NINIC ' +
  '340HNHND 222SVSLV 320GTGTM 084BZBLZ 862VEVEN 328GYGUY 740SRSUR 250FRFRA 218ECECU 630PRPRI 388JMJAM 192CUCUB ' +
  '716ZWZWE 072BWBWA 516NANAM 686SNSEN 466MLMLI 478MRMRT 204BJBEN 562NENER 566NGNGA 120CMCMR 768TGTGO 288GHGHA ' +
  '384CICIV 324GNGIN 624GWGNB 430LRLBR 694SLSLE 854BFBFA 140CFCAF 178CGCOG 266GAGAB 226GQGNQ 894ZMZMB 454MWMWI ' +
  '508MZMOZ 748SZSWZ 024AOAGO 108BIBDI 376ILISR 422LBLBN 450MGMDG 275PSPSE 270GMGMB 788TNTUN 012DZDZA 400JOJOR ' +
  '784AEARE 634QAQAT 414KWKWT 368IQIRQ 512OMOMN 548VUVUT 116KHKHM 764THTHA 418LALAO 104MMMMR 704VNVNM 408KPPRK ' +
  '410KRKOR 496MNMNG 356ININD 050BDBGD 064BTBTN 524NPNPL 586PKPAK 004AFAFG 762TJTJK 417KGKGZ 795TMTKM 364IRIRN ' +
  '760SYSYR 051AMARM 752SESWE 112BYBLR 804UAUKR 616PLPOL 040ATAUT 348HUHUN 498MDMDA 642ROROU 440LTLTU 428LVLVA ' +
  '233EEEST 276DEDEU 100BGBGR 300GRGRC 792TRTUR 008ALALB 191HRHRV 756CHCHE 442LULUX 056BEBEL 528NLNLD 620PTPRT ' +
  '724ESESP 372IEIRL 540NCNCL 090SBSLB 554NZNZL 036AUAUS 144LKLKA 156CNCHN 158TWTWN 380ITITA 208DKDNK 826GBGBR ' +
  '352ISISL 031AZAZE 268GEGEO 608PHPHL 458MYMYS 096BNBRN 705SISVN 246FIFIN 703SKSVK 203CZCZE 232ERERI 392JPJPN ' +
  '600PYPRY 887YEYEM 682SASAU 010AQATA 196CYCYP 504MAMAR 818EGEGY 434LYLBY 231ETETH 262DJDJI 800UGUGA 646RWRWA ' +
  '070BABIH 807MKMKD 688RSSRB 499MEMNE 780TTTTO 728SSSSD';

/** Kosovo has no ISO numeric code; the map names it. */
const BY_MAP_NAME: Readonly<Record<string, [string, string]>> = { Kosovo: ['XK', 'XKX'] };

/** ISO formal short names and common export spellings that `Intl.DisplayNames` does not give. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  GB: ['UK', 'U.K.', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'United Kingdom of Great Britain and Northern Ireland'],
  US: ['USA', 'U.S.A.', 'U.S.', 'America', 'United States of America'],
  IE: ['EIRE', 'Éire', 'Republic of Ireland'],
  ZA: ['RSA', 'Republic of South Africa'],
  AE: ['UAE', 'U.A.E.'],
  NL: ['Holland', 'The Netherlands', 'Netherlands, Kingdom of the'],
  CZ: ['Czech Republic'],
  KR: ['Korea', 'Republic of Korea', 'Korea, Republic of', '南韩', '大韩民国'],
  KP: ["Korea, Democratic People's Republic of", "Democratic People's Republic of Korea", '北韩'],
  RU: ['Russian Federation', '俄国'],
  VN: ['Viet Nam'],
  TR: ['Turkey', 'Türkiye', 'Turkiye', '土耳其'],
  CI: ["Ivory Coast", "Cote d'Ivoire"],
  SZ: ['Swaziland', 'eSwatini'],
  MM: ['Burma', 'Myanmar'],
  MK: ['Macedonia', 'North Macedonia', 'Republic of North Macedonia'],
  CD: ['DR Congo', 'DRC', 'Democratic Republic of the Congo', 'Congo, The Democratic Republic of the', 'Congo-Kinshasa'],
  CG: ['Republic of the Congo', 'Congo-Brazzaville', 'Congo'],
  BA: ['Bosnia', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina'],
  LA: ["Lao People's Democratic Republic", 'Lao PDR'],
  SY: ['Syrian Arab Republic'],
  IR: ['Iran, Islamic Republic of', 'Islamic Republic of Iran'],
  MD: ['Moldova, Republic of', 'Republic of Moldova'],
  BO: ['Bolivia, Plurinational State of'],
  VE: ['Venezuela, Bolivarian Republic of'],
  TZ: ['Tanzania, United Republic of', 'United Republic of Tanzania'],
  TW: ['Taiwan, Province of China', '中国台湾', '台湾省'],
  PS: ['Palestine, State of', 'Palestine', 'State of Palestine'],
  BN: ['Brunei Darussalam'],
  FK: ['Falkland Islands (Malvinas)', 'Falkland Islands'],
  TF: ['French Southern Territories'],
  EH: ['Western Sahara'],
  CF: ['Central African Republic'],
  DO: ['Dominican Republic'],
  GQ: ['Equatorial Guinea'],
  SB: ['Solomon Islands'],
  SS: ['South Sudan'],
  TL: ['East Timor', 'Timor-Leste'],
  CN: ['PRC', "People's Republic of China", '中华人民共和国', '中国大陆'],
};

export interface CountryCode {
  alpha2: string;
  alpha3: string;
  numeric?: string;
}

/** The codes of one map feature (numeric id and map name), or undefined (N. Cyprus, Somaliland). */
export function countryCode(id: string | number | undefined, mapName: string): CountryCode | undefined {
  if (id !== undefined) {
    const num = String(id).padStart(3, '0');
    const at = CODES.indexOf(`${num}`);
    // Entries are 8 characters at 9-character steps ("242FJFJI "): an id must start an entry.
    if (at >= 0 && at % 9 === 0) return { alpha2: CODES.slice(at + 3, at + 5), alpha3: CODES.slice(at + 5, at + 8), numeric: num };
  }
  const named = BY_MAP_NAME[mapName];
  return named ? { alpha2: named[0], alpha3: named[1] } : undefined;
}

let displayNames: { en?: Intl.DisplayNames; zh?: Intl.DisplayNames; zhTw?: Intl.DisplayNames } | undefined;

/** `Intl.DisplayNames` for regions, when the platform has it. */
function names(): NonNullable<typeof displayNames> {
  if (!displayNames) {
    displayNames = {};
    try {
      displayNames = {
        en: new Intl.DisplayNames('en', { type: 'region' }),
        zh: new Intl.DisplayNames('zh-CN', { type: 'region' }),
        zhTw: new Intl.DisplayNames('zh-TW', { type: 'region' }),
      };
    } catch {
      // Without DisplayNames, codes, map names and the aliases still match.
    }
  }
  return displayNames;
}

/** Every spelling of a country a feed may use (not normalized; see `placeKey`). */
export function countrySpellings(code: CountryCode | undefined, mapName: string): string[] {
  const out = [mapName];
  if (!code) return out;
  out.push(code.alpha2);
  if (code.alpha3) out.push(code.alpha3);
  if (code.numeric) out.push(code.numeric, String(Number(code.numeric)));
  const dn = names();
  for (const d of [dn.en, dn.zh, dn.zhTw]) {
    try {
      const n = d?.of(code.alpha2);
      if (n && n !== code.alpha2) out.push(n);
    } catch {
      // A code the platform does not know (XK on an old ICU): skip.
    }
  }
  out.push(...(ALIASES[code.alpha2] ?? []));
  return out;
}

/** The country's display name in a locale (for labels), falling back to the map's name. */
export function countryName(code: CountryCode | undefined, mapName: string, locale: string): string {
  if (!code) return mapName;
  const d = locale === 'zh-CN' ? names().zh : names().en;
  try {
    return d?.of(code.alpha2) ?? mapName;
  } catch {
    return mapName;
  }
}

let index: Map<string, CountryCode> | undefined;

/**
 * The country a feed value names ("GB", "GBR", "826", "United Kingdom", "英国", "EIRE"…), matched like the
 * map does (`placeKey`), without loading the map: for labels of a country grouping in the widget's language.
 */
export function countryOf(value: string): CountryCode | undefined {
  if (!index) {
    index = new Map();
    for (let at = 0; at + 8 <= CODES.length; at += 9) {
      const code = { numeric: CODES.slice(at, at + 3), alpha2: CODES.slice(at + 3, at + 5), alpha3: CODES.slice(at + 5, at + 8) };
      for (const s of countrySpellings(code, code.alpha3)) if (!index.has(placeKey(s))) index.set(placeKey(s), code);
    }
    // Places too small for the 1:110m map (Hong Kong, Singapore, Malta…): every region code Intl names.
    const en = names().en;
    for (let a = 65; a <= 90 && en; a++)
      for (let b = 65; b <= 90; b++) {
        const alpha2 = String.fromCharCode(a, b);
        if (index.has(placeKey(alpha2)) || en.of(alpha2) === alpha2) continue;
        const code = { alpha2, alpha3: '' };
        for (const s of countrySpellings(code, alpha2)) if (s && !index.has(placeKey(s))) index.set(placeKey(s), code);
      }
  }
  return index.get(placeKey(value));
}
