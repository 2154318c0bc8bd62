import type { Rng } from './prng';

// Fictional people and companies. Pinyin rides along so e-mail addresses look like the real thing;
// every domain is under example.com (reserved by RFC 2606), so no address can reach anyone.

const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['郑', 'zheng'],
  ['梁', 'liang'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
  ['许', 'xu'],
  ['韩', 'han'],
  ['冯', 'feng'],
  ['邓', 'deng'],
  ['曹', 'cao'],
  ['彭', 'peng'],
  ['曾', 'zeng'],
  ['萧', 'xiao'],
  ['田', 'tian'],
  ['董', 'dong'],
  ['袁', 'yuan'],
  ['潘', 'pan'],
  ['蒋', 'jiang'],
  ['蔡', 'cai'],
  ['余', 'yu'],
  ['杜', 'du'],
  ['叶', 'ye'],
  ['程', 'cheng'],
  ['魏', 'wei'],
  ['苏', 'su'],
  ['吕', 'lv'],
  ['丁', 'ding'],
  ['沈', 'shen'],
  ['姚', 'yao'],
  ['卢', 'lu'],
  ['钱', 'qian'],
  ['顾', 'gu'],
  ['陆', 'lu'],
  ['施', 'shi'],
];

const GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['桂英', 'guiying'],
  ['建华', 'jianhua'],
  ['志刚', 'zhigang'],
  ['海燕', 'haiyan'],
  ['晓东', 'xiaodong'],
  ['雪梅', 'xuemei'],
  ['国强', 'guoqiang'],
  ['建军', 'jianjun'],
  ['丽华', 'lihua'],
  ['文博', 'wenbo'],
  ['子涵', 'zihan'],
  ['俊杰', 'junjie'],
  ['佳怡', 'jiayi'],
  ['浩然', 'haoran'],
  ['雨萱', 'yuxuan'],
  ['晨', 'chen'],
  ['鹏', 'peng'],
  ['斌', 'bin'],
  ['凯', 'kai'],
  ['宇', 'yu'],
  ['琳', 'lin'],
  ['倩', 'qian'],
  ['婷', 'ting'],
  ['峰', 'feng'],
  ['欣怡', 'xinyi'],
  ['立新', 'lixin'],
  ['永庆', 'yongqing'],
  ['红梅', 'hongmei'],
  ['振华', 'zhenhua'],
];

const BRANDS: readonly (readonly [string, string])[] = [
  ['恒澜', 'henglan'],
  ['华达', 'huada'],
  ['精工', 'jinggong'],
  ['鑫盛', 'xinsheng'],
  ['宏远', 'hongyuan'],
  ['博通', 'botong'],
  ['新源', 'xinyuan'],
  ['嘉德', 'jiade'],
  ['永昌', 'yongchang'],
  ['亿科', 'yike'],
  ['联晟', 'liansheng'],
  ['润丰', 'runfeng'],
  ['力成', 'licheng'],
  ['辉宇', 'huiyu'],
  ['凯航', 'kaihang'],
  ['骏铭', 'junming'],
  ['祥康', 'xiangkang'],
  ['益信', 'yixin'],
  ['和泰', 'hetai'],
  ['金帆', 'jinfan'],
  ['昊天', 'haotian'],
  ['中锐', 'zhongrui'],
  ['泰丰', 'taifeng'],
  ['东升', 'dongsheng'],
  ['瑞祥', 'ruixiang'],
  ['汇澄', 'huicheng'],
  ['晶诚', 'jingcheng'],
  ['明德', 'mingde'],
  ['科迈', 'kemai'],
  ['天宏', 'tianhong'],
  ['远航', 'yuanhang'],
  ['正岚', 'zhenglan'],
  ['盛屿', 'shengyu'],
  ['宝利', 'baoli'],
  ['通达', 'tongda'],
  ['华盈', 'huaying'],
  ['创衡', 'chuangheng'],
  ['德润', 'derun'],
  ['久益', 'jiuyi'],
  ['万联', 'wanlian'],
  ['长兴', 'changxing'],
  ['合力', 'heli'],
  ['安泰', 'antai'],
  ['兴业', 'xingye'],
  ['立澄', 'licheng'],
  ['富阳', 'fuyang'],
  ['锦程', 'jincheng'],
  ['智翔', 'zhixiang'],
  ['南洋', 'nanyang'],
  ['众诚', 'zhongcheng'],
];

const FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '集团有限公司'] as const;

export interface Person {
  name: string;
  pinyin: string;
}

export function personName(rng: Rng): Person {
  const [s, sp] = rng.pick(SURNAMES);
  const [g, gp] = rng.pick(GIVEN);
  return { name: s + g, pinyin: sp + gp };
}

export interface CompanyName {
  name: string;
  shortName: string; // 简称, used in project names and conversation notes
  domain: string;
}

/** Unique company names: city + brand + industry word + legal form. */
export class CompanyNamer {
  private readonly used = new Set<string>();
  private readonly domains = new Map<string, number>();

  make(rng: Rng, city: string, suffixes: readonly string[]): CompanyName {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [brand, py] = rng.pick(BRANDS);
      const suffix = rng.pick(suffixes);
      const form = rng.pick(FORMS);
      const name = `${city}${brand}${suffix}${form}`;
      if (this.used.has(name) || this.used.has(`${city}${brand}`)) continue;
      this.used.add(name);
      this.used.add(`${city}${brand}`);
      const n = (this.domains.get(py) ?? 0) + 1;
      this.domains.set(py, n);
      return { name, shortName: brand + suffix.slice(0, 2), domain: `${py}${n === 1 ? '' : n}.example.com` };
    }
    throw new Error(`no unused company name left for ${city}`);
  }

  reserve(name: string, city: string, brand: string): void {
    this.used.add(name);
    this.used.add(city + brand);
  }
}

/** Fictional mobile numbers; the shared 1990000 prefix makes them easy to spot in a pseudonymisation test. */
export function phoneNumber(rng: Rng): string {
  return `1990000${String(rng.int(0, 9999)).padStart(4, '0')}`;
}
