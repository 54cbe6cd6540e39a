/**
 * The tour must carry every fact of the college's profile (the seed; its Chinese text is in
 * tests/fixtures/seed, see the README there), in Chinese and in English, with the seed
 * translation's mistakes corrected (see docs: content guide). These tests read the real content store.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../lib/content';
import { COLLEGE_FILE } from '../../../src/content/validate';

const ROOT = process.cwd();
const files = readContentFiles(ROOT);

interface Texts {
  zh: string[];
  en: string[];
}

/** Every `{ zh, en }` text in a parsed JSON file, gathered by language. */
function gather(json: unknown, into: Texts = { zh: [], en: [] }): Texts {
  if (Array.isArray(json)) {
    for (const item of json) gather(item, into);
  } else if (json !== null && typeof json === 'object') {
    const obj = json as Record<string, unknown>;
    if (typeof obj.zh === 'string' && typeof obj.en === 'string' && Object.keys(obj).length === 2) {
      into.zh.push(obj.zh);
      into.en.push(obj.en);
    } else {
      for (const value of Object.values(obj)) gather(value, into);
    }
  }
  return into;
}

const collegeRaw = files[COLLEGE_FILE];
if (collegeRaw === undefined) throw new Error(`${COLLEGE_FILE} is missing`);
const college = gather(JSON.parse(collegeRaw));
const all = Object.values(files).reduce<Texts>((acc, raw) => gather(JSON.parse(raw), acc), { zh: [], en: [] });
const collegeZh = college.zh.join('\n');
const collegeEn = college.en.join('\n');

type Pattern = string | RegExp;

interface Section {
  id: string;
  facts?: { label: { zh: string; en: string }; value: { zh: string; en: string } }[];
  list?: unknown[];
}
const sections = (JSON.parse(collegeRaw) as { about: Section[] }).about;
function sectionOf(id: string): Section {
  const section = sections.find((s) => s.id === id);
  if (!section) throw new Error(`college.json has no about section "${id}"`);
  return section;
}

/** [year, Chinese event, English event] of the history section. */
const HISTORY: [string, Pattern, Pattern][] = [
  ['1956', '原国家第二机械工业部创建重庆机器制造学校', 'former Second Ministry of Machine Industry founds the Chongqing Machine Manufacturing School'],
  ['2000', '重庆机器制造学校和重庆机械职工大学合并升格为重庆工业职业技术学院', /Chongqing Mechanical Workers University merge.*Chongqing Industry Polytechnic College/],
  ['2006', '首批28所国家示范性高职院校', 'first 28 national exemplary vocational colleges'],
  ['2010', '整体搬迁入住渝北空港', 'moves to the Yubei Airport area'],
  ['2019', /中国特色高水平高职学校和专业建设计划.*（B档）/, /"Double High Plan".*Category B/],
];
const found = (haystack: string, p: Pattern) => (typeof p === 'string' ? haystack.includes(p) : p.test(haystack));

/** [what, Chinese pattern, English pattern]: each must appear in college.json in that language. */
const FACTS: [string, Pattern, Pattern][] = [
  // The college and the programme
  ['college name', '重庆工业职业技术学院', 'Chongqing Industry Polytechnic College'],
  ['programme', '汉语桥团组在线体验平台', '"Chinese Bridge" Delegation Online'],
  ['hosted by the municipal government', '重庆市政府举办', 'hosted by the Chongqing Municipal Government'],
  ['supervised by the education commission', '重庆市教委主管', 'supervised by the Chongqing Municipal Education Commission'],
  ['full-time public', '全日制公办普通高等院校', /full-time public institution of higher education/],
  // History
  ['1956 predecessor', '重庆机器制造学校', 'Chongqing Machine Manufacturing School'],
  ['founding ministry', '原国家第二机械工业部', 'former Second Ministry of Machine Industry'],
  ['predecessor merged with', '重庆机械职工大学', 'Chongqing Mechanical Workers University'],
  // Scale
  ['two campuses', '渝北空港校区、南川校区两个校区', 'two campuses, the Yubei Airport Campus and the Nanchuan Campus'],
  ['land area', '1867.82亩', '1,867.82 mu'],
  ['land area in hectares', '1867.82亩', /1,867\.82 mu \(about 124\.5 hectares\)/],
  ['floor area', '50.51万平方米', /505,100 (square metres|m²)/],
  ['students', '16000余人', /more than 16,000/i],
  ['books', '226.84万册', '2,268,400'],
  ['equipment', '33865.81万元', '¥338.6581 million'],
  ['11 units', '11个二级学院和教学单位', '11 schools and teaching units'],
  ['56 programmes', '56个专业', '56 programmes'],
  // The 11 schools
  ['Mechanical Engineering', '机械工程学院', 'School of Mechanical Engineering'],
  ['Vehicle Engineering', '车辆工程学院', 'School of Vehicle Engineering'],
  ['AI and Big Data', '人工智能与大数据学院', 'School of Artificial Intelligence and Big Data'],
  ['Economics and Management', '经济与管理学院', 'School of Economics and Management'],
  ['Design', '设计学院', 'School of Design'],
  ['Architecture and Engineering', '建筑工程学院', 'School of Architecture and Engineering'],
  ['Chemistry and Pharmaceutical Engineering', '化学与制药工程学院', 'School of Chemistry and Pharmaceutical Engineering'],
  ['Electronic and IoT Engineering', '电子与物联网工程学院', 'School of Electronic and Internet of Things Engineering'],
  ['Electrical Engineering', '电气工程学院', 'School of Electrical Engineering'],
  ['Marxism', '马克思主义学院（思想政治理论课教学研究部）', /School of Marxism \((with the )?Department of Ideological and Political Theory Teaching and Research\)/],
  ['General Education', '通识教育学院（体育工作部）', /School of General Education \((with the )?Department of Sports\)/],
  // Honours
  ['first national exemplary', '首批国家级示范高职院校', 'first national exemplary vocational colleges'],
  ['Double High', '“双高计划”', '"Double High Plan"'],
  ['Category B', 'B档', 'Category B'],
  ['advanced unit three times', '先后三次被评为全国职业教育先进单位', 'national advanced unit in vocational education three times'],
  ['six Top 50', '6个“50强”', 'six "Top 50" titles'],
  ['Top 50 teaching management', '教学管理50强', 'Top 50 in Teaching Management'],
  ['Top 50 student management', '学生管理50强', 'Top 50 in Student Management'],
  ['Top 50 education effectiveness', '育人成效50强', 'Top 50 in Education Effectiveness'],
  ['2022 report', '《2022中国职业教育质量年度报告》', '2022 China Vocational Education Quality Annual Report'],
  ['top 100 teacher development', '教师发展指数100所优秀院校', /top 100 [^\n]*teacher development/],
  ['top 100 student development', '学生发展指数100所优秀院校', /top 100 [^\n]*student development/],
  ['60 typical, service contribution', '服务贡献60所典型院校', /60 typical [^\n]*service contribution/],
  // International
  ['China–ASEAN project', '“中国—东盟高职院校特色合作项目”', /China–ASEAN Higher Vocational Colleges Featured Cooperation Project/],
  ['alliance chair', '陆海新通道职业教育国际合作联盟理事长单位', /chairs the New Land-Sea Corridor Vocational Education International Cooperation Alliance/],
  ['model school', '市属公办高校国际交流合作示范校', 'model school for international exchange and cooperation'],
  ['characteristic international project college', '重庆市国际化特色项目院校', 'Chongqing featured international project college'],
  ['Germany and Russia', '德国、俄罗斯', 'Germany, Russia'],
  ['40 partners', '40多个院校及企业', 'over 40 colleges and enterprises'],
  ['150 projects', '150多项合作', 'more than 150 cooperation projects'],
  ['5 programmes', '中外合作办学项目5个', '5 Sino-foreign cooperative education programmes'],
  ['650 exchanged', '师生交流650余人', 'more than 650 teachers and students'],
  ['400 international students', '培养留学生400余人', 'over 400 international students'],
  ['Changan', '长安等企业', 'Changan and other companies'],
  ['3 overseas bases', '3个职教海外人才培养基地', '3 overseas vocational training bases'],
  ['Panda Workshops', '熊猫工坊', 'Panda Workshops'],
  ['Saudi Arabia, Pakistan, Laos', '沙特阿拉伯、巴基斯坦、老挝', 'Saudi Arabia, Pakistan and Laos'],
  ['1,000 trained', '1000余人次', /more than 1,000 person-times/],
  ['research institute', '陆海新通道职业教育研究院', 'New Land-Sea Corridor Vocational Education Research Institute'],
  ['20 standards and resources', '20余项', /more than 20 standards, resources/i],
  // Direction
  ['advanced manufacturing', '先进制造业', 'advanced manufacturing'],
  ['Chinese characteristics, world-class', '“中国特色、世界水平”', '"Chinese characteristics and world-class standards"'],
];

describe('college.json carries every fact of the college profile', () => {
  it.each(FACTS)('%s (zh)', (_what, zh) => {
    expect(found(collegeZh, zh), `Chinese text lacks ${String(zh)}`).toBe(true);
  });
  it.each(FACTS)('%s (en)', (_what, _zh, en) => {
    expect(found(collegeEn, en), `English text lacks ${String(en)}`).toBe(true);
  });

  it.each(HISTORY)('history: %s', (year, zh, en) => {
    const facts = sectionOf('history').facts ?? [];
    const fact = facts.find((f) => f.label.en === year);
    expect(fact, `no history fact for ${year}`).toBeDefined();
    expect(fact?.label.zh).toBe(`${year}年`);
    expect(found(fact?.value.zh ?? '', zh), fact?.value.zh).toBe(true);
    expect(found(fact?.value.en ?? '', en), fact?.value.en).toBe(true);
  });

  it('has the expected about sections, including the note on imagery', () => {
    expect(sections.map((s) => s.id)).toEqual(
      expect.arrayContaining(['overview', 'history', 'scale', 'schools', 'honours', 'international', 'direction', 'imagery']),
    );
    expect(collegeZh).toMatch(/示意图[^\n]*并非[^\n]*照片/);
    expect(collegeEn).toMatch(/illustrations[^\n]*not photographs/s);
    expect(collegeEn).toMatch(/equirectangular JPEG \(2:1[^\n]*panorama\.master[^\n]*"photo"/);
  });

  it('lists all 11 schools in the schools section', () => {
    expect(sectionOf('schools').list).toHaveLength(11);
  });
});

describe('the seed translation is corrected everywhere', () => {
  it('never misspells Chongqing', () => {
    // The seed's misspelling, written so that a search of the project for it finds none.
    for (const text of [...all.zh, ...all.en]) expect(text).not.toMatch(/chong[o]ing/i);
  });

  it('gives land in mu, never acres', () => {
    for (const text of all.en) {
      expect(text).not.toMatch(/\bacres?\b/i);
      for (const m of text.matchAll(/1,?867\.82/g)) {
        expect(text.slice(m.index), text).toMatch(/^1,867\.82 mu\b/);
      }
    }
    expect(all.en.join('\n')).toContain('1,867.82 mu');
  });

  it('says "three times", not "three consecutive times"', () => {
    for (const text of all.en) expect(text).not.toMatch(/consecutive/i);
  });

  it('uses the college\'s real English name', () => {
    for (const text of all.en) expect(text).not.toMatch(/Vocational and Technical College/);
    expect(all.zh).toContain('重庆工业职业技术学院');
  });
});

describe('each language is written in its own script', () => {
  const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  /** CJK text and punctuation, including full-width forms, which English text must not use. */
  const CJK_OR_FULLWIDTH = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

  it('every Chinese text has Chinese characters', () => {
    expect(all.zh.length).toBeGreaterThan(50);
    for (const text of all.zh) expect(text, text).toMatch(CJK);
  });

  it('no English text has Chinese characters, except a Chinese name in parentheses', () => {
    expect(all.en.length).toBe(all.zh.length);
    for (const text of all.en) {
      // e.g. "Panda Workshops (熊猫工坊)" may name something in Chinese too.
      const withoutNames = text.replace(/\((?:[\u3400-\u9fff]+)\)/g, '');
      expect(withoutNames, text).not.toMatch(CJK_OR_FULLWIDTH);
    }
  });
});

describe('the seed file itself', () => {
  // Guards the tests above against a changed profile: the facts they look for are the profile's.
  const seed = readFileSync(path.resolve(ROOT, 'tests/fixtures/seed/college-profile.zh.txt'), 'utf8');
  // The seed writes half-width parentheses and commas between Chinese words; the content full-width ones.
  const fullWidth = (s: string) => s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，').replace(/;/g, '；');

  it('still holds the figures these tests check', () => {
    for (const figure of ['1867.82亩', '50.51万平方米', '16000余人', '226.84万册', '33865.81万元', '56个专业', '150多项', '1000余人次']) {
      expect(seed).toContain(figure);
    }
  });

  it.each(FACTS.filter(([, zh]) => typeof zh === 'string'))('holds the Chinese fact checked as "%s"', (_what, zh) => {
    expect(fullWidth(seed)).toContain(zh);
  });
});
